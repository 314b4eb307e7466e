package io.netbench.core;

import io.netbench.core.internal.Warmup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The listen options every netbench server shares — port, bind address, transport, event loops
 * and a JIT warm-up before listening — and their validation, for the builders of the qperf and
 * HTTP servers.
 *
 * <p>Setters only record a value; the server's {@code build()} calls {@link #validateListenOptions()},
 * which checks them all in one place and names the first bad one, then {@link #warmUp()}, then
 * binds. A builder is not thread-safe; use it from one thread.
 *
 * <pre>{@code
 * QperfServer server = QperfServer.builder().port(19765).bindAddress("::1").threads(2).build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class AbstractServerBuilder<B extends AbstractServerBuilder<B>> {
    private final Warmup warmup = new Warmup(this::warm);
    private int port;
    private String bindAddress;
    private TransportType transport = TransportType.defaultType();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Duration jitWarmup = Duration.ZERO;
    private ServerMetrics metrics = new ServerMetrics();

    /**
     * A builder with the server's well-known port as its default.
     *
     * @param defaultPort the port listened on unless {@link #port(int)} says otherwise
     */
    protected AbstractServerBuilder(int defaultPort) {
        this.port = defaultPort;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the port to listen on.
     *
     * @param port 0 (any free port) to 65535; default the server's own
     * @return this builder
     */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /**
     * Sets the address to listen on.
     *
     * @param address a host name or IP literal; {@code null} or blank (the default) for all
     *                addresses, IPv6 and IPv4
     * @return this builder
     */
    public B bindAddress(String address) {
        this.bindAddress = address;
        return self();
    }

    /**
     * Sets the Netty transport.
     *
     * @param transport the transport; default {@link TransportType#defaultType()}
     * @return this builder
     */
    public B transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /**
     * Sets the number of event loops.
     *
     * @param threads at least 1; default the number of available processors
     * @return this builder
     */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }

    /**
     * Sets how long to warm the JIT up before listening. A server measured cold is measured partly
     * in the interpreter and while compiling, so it first serves clients inside this process, on a
     * loopback port of a server of its own with these options, for about this long (the HTTP
     * server: until the rate they get is steady, at most this long for each of its phases:
     * keep-alive, a new connection per request, and over TLS with an HTTPS listener); then it waits, at most 2 s,
     * for the JIT to finish compiling what that queued. {@code netbench server} warms unless told
     * not to.
     *
     * @param jitWarmup zero (the default: no warm-up) or at least 1 ms
     * @return this builder
     */
    public B jitWarmup(Duration jitWarmup) {
        this.jitWarmup = jitWarmup;
        return self();
    }

    /**
     * Runs the {@link #jitWarmup(Duration) JIT warm-up} now, once; {@code build()} runs it first
     * otherwise. For a caller that starts several servers and wants all of them warm before any
     * of them listens.
     *
     * @return this builder
     * @throws IllegalArgumentException naming a bad option
     * @throws IllegalStateException if the warm-up fails
     */
    public B warmUp() {
        validateListenOptions();
        warmup.runOnce(jitWarmup);
        return self();
    }

    /**
     * Serves clients in this process on loopback for about {@code time}, in rounds that each open
     * and close their connections as successive benchmark runs do (so that closing them is no
     * surprise to the compiled code later): see {@link #jitWarmup(Duration)}.
     *
     * @param time how long, at least 1 ms
     * @throws IllegalStateException if the warm-up fails, with the reason
     */
    protected abstract void warm(Duration time);

    /**
     * Sets the registry the server counts into (connections, requests, sessions, refusals), which
     * the HTTP server serves as {@code /metrics}; give the qperf and HTTP servers of one process the
     * same one so that {@code /metrics} shows both.
     *
     * @param metrics the registry; default one of the server's own
     * @return this builder
     */
    public B metrics(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return self();
    }

    /** {@return the registry the server counts into} */
    protected ServerMetrics metrics() {
        return metrics;
    }

    /** {@return the port to listen on} */
    protected int port() {
        return port;
    }

    /** {@return the transport of the event loops} */
    protected TransportType transport() {
        return transport;
    }

    /** {@return the number of event loops} */
    protected int threads() {
        return threads;
    }

    /**
     * Checks the listen options and resolves the bind address.
     *
     * @return the address to bind, {@code null} for all addresses
     * @throws IllegalArgumentException naming the bad option
     */
    protected InetAddress validateListenOptions() {
        Ports.checkListen("port", port);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport.displayName() + " is not available");
        }
        Warmup.checkTime(jitWarmup);
        if (bindAddress == null || bindAddress.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address " + bindAddress + " cannot be resolved");
        }
    }
}
