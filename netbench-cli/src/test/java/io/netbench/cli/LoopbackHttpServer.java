package io.netbench.cli;

import io.netbench.http.HttpBenchServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A netbench HTTP server on loopback (one event loop) for the tests of one class: started before
 * the first, closed after the last. {@code @RegisterExtension static final LoopbackHttpServer
 * server = new LoopbackHttpServer();}
 */
final class LoopbackHttpServer implements BeforeAllCallback, AfterAllCallback {
    private HttpBenchServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = HttpBenchServer.builder().bindAddress("127.0.0.1").port(0).threads(1).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }
}
