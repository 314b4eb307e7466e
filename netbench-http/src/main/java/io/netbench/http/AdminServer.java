package io.netbench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netbench.core.Ports;
import io.netbench.core.internal.ServerSkeleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The admin port of a netbench server process: {@code /healthz} for Kubernetes probes, served by a
 * thread of its own. A probe on the HTTP port under load would wait behind a storm of new
 * connections (a {@code wrk -c20000} start fills the accept queue and the event loops for
 * seconds) and the pod would leave its Service mid-run; here it waits for nothing.
 *
 * <p>It is the JDK's own HTTP server ({@code com.sun.net.httpserver}), not Netty, on purpose: a
 * probe served by a Netty pipeline runs through the same Netty methods as the benchmark's
 * connections, with handler classes they have not seen, and the JIT throws away the code it
 * compiled for the benchmark pipeline alone: a probe every 0.2 s during a fresh server's first
 * {@code wrk -c2000} burst cost it 20–60 % more CPU per request (see the README). The JDK's
 * server shares no code with that path.
 *
 * <p>{@code /healthz} (GET or HEAD) answers {@code 503 warming up} until {@link #ready()} (the
 * server process calls it once its listeners are up, after the JIT warm-up), then {@code 200 ok}.
 * Anything else is {@code 404}.
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.start(null, 19766)) {
 *     // warm up, start the listeners...
 *     admin.ready();
 * }
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {
    private static final byte[] WARM_UP_REQUEST = "GET /healthz HTTP/1.1\r\nHost: admin\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** Probes come one at a time; a burst of them waits in the kernel's queue, not refused. */
    private static final int BACKLOG = 128;
    private final HttpServer server;
    private final AtomicBoolean ready = new AtomicBoolean();

    private AdminServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening.
     *
     * @param bindAddress the address to listen on, {@code null} for all
     * @param port the port, 0 for any free one
     * @return the running admin server, not ready yet
     * @throws IllegalArgumentException for a port out of range or an address that does not resolve
     * @throws IllegalStateException if the port cannot be bound, naming the address
     */
    public static AdminServer start(String bindAddress, int port) {
        Ports.checkListen("admin port", port);
        InetAddress bind = resolve(bindAddress);
        HttpServer server;
        try {
            server = HttpServer.create(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port),
                    BACKLOG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on admin " + ServerSkeleton.describe(bind, port) + ": "
                    + e.getMessage(), e);
        }
        AdminServer admin = new AdminServer(server);
        server.createContext("/", admin::answer);
        server.start();
        admin.warmUp(bind);
        return admin;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            boolean health = exchange.getRequestURI().getRawPath().equals("/healthz") && (head || method.equals("GET"));
            boolean up = ready.get();
            int status = !health ? 404 : up ? 200 : 503;
            byte[] body = (!health ? "not found\n" : up ? "ok\n" : "warming up\n").getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /**
     * One {@code /healthz} from this process, so that the first probe does not load and interpret
     * the path (with Netty here, that took 49 ms on an idle machine and 188 ms during a fresh
     * server's first {@code wrk -c2000} burst, against 2 ms after). Best effort: a failure here
     * shows in the probes.
     */
    private void warmUp(InetAddress bind) {
        InetAddress target = bind == null || bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
        try (Socket socket = new Socket(target, port())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(WARM_UP_REQUEST);
            socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            // the probes will tell
        }
    }

    private static InetAddress resolve(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address " + address + " cannot be resolved");
        }
    }

    /** From now on {@code /healthz} answers {@code 200 ok}. */
    public void ready() {
        ready.set(true);
    }

    /** {@return the port the admin server listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and closes its connections. */
    @Override
    public void close() {
        server.stop(0);
    }
}
