package io.netbench.http.internal.client;

import io.netbench.core.TransportType;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;

/**
 * What every worker of a run shares: where to connect, what to send, and how.
 *
 * @param intervalNanos time between sends on one connection at constant rate, 0 for wrk's closed loop
 */
public record LoadPlan(InetSocketAddress address, String sniHost, SslContext ssl, TransportType transport,
                       RequestTemplate request, int pipeline, boolean headRequests, long intervalNanos,
                       long timeoutNanos) {
}
