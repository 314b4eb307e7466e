package io.netbench.http.internal.client;

import io.netbench.core.TransportType;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;

/**
 * What every worker of a run shares: where to connect and how.
 *
 * @param address the target's resolved address (a script may send a worker elsewhere)
 * @param sniHost the host name TLS presents, from the URI
 * @param ssl the TLS context, or null for plain HTTP
 * @param headRequests the requests are HEAD: their responses have no body
 * @param intervalNanos time between sends on one connection at constant rate, 0 for wrk's closed loop
 * @param timeoutNanos a request outstanding longer is a timeout
 */
record LoadPlan(InetSocketAddress address, String sniHost, SslContext ssl, TransportType transport,
                boolean headRequests, long intervalNanos, long timeoutNanos) {
}
