package io.netbench.http.internal.client;

import io.netbench.core.TransportType;
import io.netbench.http.HttpBenchServer;
import java.net.URI;

/**
 * An in-process {@link HttpBenchServer} on a free loopback port: what the JIT warm-ups of both
 * ends run load against, the client's ({@link JitWarmup}) and the server's. Closing it closes
 * the server.
 */
public final class Loopback implements AutoCloseable {
    private final HttpBenchServer server;

    /**
     * Starts the server.
     *
     * @param transport the server's transport
     * @param threads the server's event loops
     */
    public Loopback(TransportType transport, int threads) {
        server = HttpBenchServer.builder().bindAddress("127.0.0.1").port(0).threads(threads).transport(transport)
                .build();
    }

    /** {@return the server's {@code http://127.0.0.1:port/}} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() {
        server.close();
    }
}
