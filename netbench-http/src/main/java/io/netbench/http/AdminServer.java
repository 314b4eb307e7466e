package io.netbench.http;

import io.netbench.core.Ports;
import io.netbench.core.TransportType;
import io.netbench.core.internal.ServerSkeleton;
import io.netbench.http.internal.server.HttpBootstrap;
import io.netbench.http.internal.server.HttpServerInitializer;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The admin port of a netbench server process: {@code /healthz} for Kubernetes probes, served on
 * an event loop of its own. A probe on the HTTP port under load would wait behind a storm of new
 * connections (a {@code wrk -c20000} start fills the accept queue and the event loops for
 * seconds) and the pod would leave its Service mid-run; here it waits for nothing.
 *
 * <p>{@code /healthz} (GET or HEAD) answers {@code 503 warming up} until {@link #ready()} (the
 * server process calls it once its listeners are up, after the JIT warm-up), then {@code 200 ok}.
 * Anything else is {@code 404}.
 *
 * <p>Its connections have the HTTP benchmark port's own handler and defences (request-head and
 * idle deadlines, bounded heads, a connection limit), answering {@code /healthz} alone. Not a
 * pipeline of Netty's HTTP codec and handlers of its own: probes through those ran the Netty
 * methods of the benchmark's path with handler classes the warm-up never showed them, and the JIT
 * threw away the code it had compiled for the benchmark, during a fresh server's first burst (see
 * the README). Not the JDK's HTTP server either: it reads a request on its one dispatcher thread,
 * so a client that sends half a request stops every probe.
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.start(null, 19766, TransportType.defaultType(), System.err::println)) {
 *     // warm up, start the listeners...
 *     admin.ready();
 * }
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {
    private static final byte[] WARM_UP_REQUEST = "GET /healthz HTTP/1.1\r\nHost: admin\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final ServerSkeleton skeleton;
    private final HttpServerInitializer initializer;
    private final Channel listener;
    private final AtomicBoolean ready;

    private AdminServer(ServerSkeleton skeleton, HttpServerInitializer initializer, Channel listener,
                        AtomicBoolean ready) {
        this.skeleton = skeleton;
        this.initializer = initializer;
        this.listener = listener;
        this.ready = ready;
    }

    /**
     * Starts listening.
     *
     * @param bindAddress the address to listen on, {@code null} for all
     * @param port the port, 0 for any free one
     * @param transport the event loop's transport
     * @param notices receives one line when accepting fails or the admin connection limit is reached
     * @return the running admin server, not ready yet
     * @throws IllegalArgumentException for a port out of range or an address that does not resolve
     * @throws IllegalStateException if the port cannot be bound, naming the address
     */
    public static AdminServer start(String bindAddress, int port, TransportType transport, Consumer<String> notices) {
        Ports.checkListen("admin port", port);
        InetAddress bind = resolve(bindAddress);
        AtomicBoolean ready = new AtomicBoolean();
        ServerSkeleton skeleton = new ServerSkeleton(transport, 1, "netbench-admin");
        HttpServerInitializer initializer = HttpServerInitializer.admin(skeleton.group().next(),
                skeleton.connections(), ready::get, notices);
        try {
            Channel listener = skeleton.bind(HttpBootstrap.create(skeleton.group(), transport, initializer, "admin",
                    "raise the fd limit, ulimit -n", notices), bind, port, "admin");
            AdminServer admin = new AdminServer(skeleton, initializer, listener, ready);
            admin.warmUp(bind);
            return admin;
        } catch (IllegalStateException e) { // the skeleton closed itself
            initializer.close();
            throw e;
        }
    }

    /**
     * One {@code /healthz} from this process, so that the first probe does not load and interpret
     * the path: that took 49 ms on an idle machine and 188 ms during a fresh server's first
     * {@code wrk -c2000} burst, against 2 ms after. Best effort: a failure here shows in the probes.
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
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops listening and closes its connections. */
    @Override
    public void close() {
        skeleton.close();
        initializer.close();
    }
}
