package io.netbench.http.internal.client;

import io.netbench.core.TransportType;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;

/**
 * What every worker of a run shares: where to connect, what to send, and how.
 *
 * @param sources the request source of worker i (one Lua state per thread, or the shared template)
 * @param intervalNanos time between sends on one connection at constant rate, 0 for wrk's closed loop
 */
public record LoadPlan(InetSocketAddress address, String sniHost, SslContext ssl, TransportType transport,
                       IntFunction<RequestSource> sources, boolean headRequests, long intervalNanos,
                       long timeoutNanos) {
}
