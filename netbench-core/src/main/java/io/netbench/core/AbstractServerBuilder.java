package io.netbench.core;

import io.netty.util.NetUtil;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The listen options every netbench server shares — port, bind address, transport, event loops
 * and the JIT warm-up before listening — with their validation, for the builders of the qperf and
 * HTTP servers.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class AbstractServerBuilder<B extends AbstractServerBuilder<B>> {
    /** How long the JIT must not compile anything for the warm-up to end. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(200);
    /** The longest wait for that, on a machine busy with other work. */
    private static final Duration QUIET_WAIT_MAX = Duration.ofSeconds(2);

    private int port;
    private String bindAddress;
    private TransportType transport = TransportType.defaultType();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Duration jitWarmup = Duration.ZERO;
    private boolean warmed;

    protected AbstractServerBuilder(int defaultPort) {
        this.port = defaultPort;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The port to listen on, 0 for any free one. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** The address to listen on; default all addresses (IPv6 and IPv4). */
    public B bindAddress(String address) {
        this.bindAddress = address;
        return self();
    }

    public B transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /** Event loops; default the number of available processors. */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }

    /**
     * Before listening, serve clients inside this process, on a loopback port of a server of their
     * own with these options, for about this long (the HTTP server: until the rate they get is
     * steady, at most this long); then wait (at most {@link #QUIET_WAIT_MAX}) for the JIT to finish
     * what that queued. A server measured
     * cold is measured partly in the interpreter and while compiling: the real wrk's first 3 s
     * against a fresh server had a p99 26 times that of its third. Default none;
     * {@code netbench server} warms unless told not to.
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
     * @throws IllegalArgumentException naming a bad option
     * @throws IllegalStateException if the warm-up fails
     */
    public B warmUp() {
        validateListenOptions();
        if (jitWarmup == null || jitWarmup.isNegative() || !jitWarmup.isZero() && jitWarmup.toMillis() < 1) {
            throw new IllegalArgumentException("jitWarmup must be 0 or at least 1 ms: " + jitWarmup);
        }
        if (!warmed && !jitWarmup.isZero()) {
            warm(jitWarmup);
            awaitQuietJit();
        }
        warmed = true;
        return self();
    }

    /**
     * Serves clients in this process on loopback for about {@code time}, in rounds that each open
     * and close their connections as successive benchmark runs do (so that closing them is no
     * surprise to the compiled code later): see {@link #jitWarmup(Duration)}.
     */
    protected abstract void warm(Duration time);

    /**
     * Waits, at most {@link #QUIET_WAIT_MAX}, until the JIT has compiled what the warm-up queued:
     * until its compilation time stands still for {@link #QUIET_PERIOD}. A first client would
     * otherwise share the CPUs with the compiler threads.
     */
    private static void awaitQuietJit() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long end = System.nanoTime() + QUIET_WAIT_MAX.toNanos();
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET_PERIOD.toNanos() && System.nanoTime() < end) {
            try {
                Thread.sleep(QUIET_PERIOD.toMillis() / 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    protected int port() {
        return port;
    }

    protected TransportType transport() {
        return transport;
    }

    protected int threads() {
        return threads;
    }

    /**
     * Checks the listen options and resolves the bind address ({@code null} means all).
     *
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
        if (bindAddress == null || bindAddress.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address " + bindAddress + " cannot be resolved");
        }
    }

    /** {@code address:port} for messages ({@code [::1]:port} for IPv6), {@code *} for all addresses. */
    protected static String describe(InetAddress bind, int port) {
        return bind == null ? "*:" + port : NetUtil.toSocketAddressString(new InetSocketAddress(bind, port));
    }
}
