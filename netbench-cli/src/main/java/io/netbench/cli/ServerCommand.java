package io.netbench.cli;

import io.netbench.core.Environment;
import io.netbench.core.Ports;
import io.netbench.core.ServerMetrics;
import io.netbench.core.TransportType;
import io.netbench.http.AdminServer;
import io.netbench.http.HttpBenchServer;
import io.netbench.http.TlsEngine;
import io.netbench.tcp.QperfServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netbench server}: the qperf-compatible listener (TCP and UDP on one port) and the HTTP
 * target in one process, until SIGTERM/SIGINT, which closes everything within a second. Before
 * it listens, it serves itself on loopback for a moment so that the first client measures
 * compiled code ({@link #QPERF_WARMUP} of qperf tests, then HTTP until its rate is steady, at most {@link #HTTP_WARMUP}; {@code --no-warmup} skips it).
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve every test: qperf (TCP and UDP, one port, default 19765) and HTTP (default 8080).",
            "Runs until SIGTERM or SIGINT."})
final class ServerCommand implements Callable<Integer> {
    /** The qperf listener's warm-up: two rounds of a second of every socket test at once. */
    static final Duration QPERF_WARMUP = Duration.ofSeconds(2);
    /** The longest the HTTP listener's warm-up may run: half-second rounds, until their rate is steady. */
    static final Duration HTTP_WARMUP = Duration.ofSeconds(8);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-lp", "--port"}, paramLabel = "PORT", description = "qperf listen port, TCP and UDP (default 19765).")
    private int port = QperfServer.DEFAULT_PORT;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    private int httpPort = HttpBenchServer.DEFAULT_PORT;

    @Option(names = "--https-port", paramLabel = "PORT",
            description = "Also serve the HTTP endpoints over TLS on this port (default: none).")
    private Integer httpsPort;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "HTTPS certificate chain, PEM (default: a self-signed one for localhost, made at start).")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The private key of --tls-cert, PEM (PKCS#8).")
    private Path tlsKey;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address only (default all).")
    private String bind;

    @Option(names = "--no-http", description = "Do not start the HTTP listener.")
    private boolean noHttp;

    @Option(names = "--no-qperf", description = "Do not start the qperf listener.")
    private boolean noQperf;

    @Option(names = "--threads", paramLabel = "N", description = "Event loops per listener (default: CPUs).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    private TransportOption transport;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "HTTP connection limit (default 100000, or below the fd limit, ulimit -n, if lower).")
    private Integer maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Close idle HTTP connections (default 60; 0 never).")
    private int idleSeconds = 60;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            description = "Close HTTP connections whose request head takes longer to arrive (default 10; 0 never).")
    private int headerSeconds = 10;

    @Option(names = "--max-time", paramLabel = "SECONDS", description = "Longest qperf test a client may ask (default 3600).")
    private int maxTime = 3600;

    @Option(names = "--max-sessions", paramLabel = "N",
            description = "Most qperf tests running at once, over all clients (default 256).")
    private int maxSessions = 256;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", description = "Close a qperf connection that takes"
            + " longer over a step of its handshake: its first bytes, its request or data preamble, its sync (default 10).")
    private int handshakeSeconds = (int) QperfServer.DEFAULT_HANDSHAKE_TIMEOUT.toSeconds();

    @Option(names = "--memory-budget", paramLabel = "SIZE", description = "Direct memory the buffers of all running"
            + " qperf tests may hold; a test beyond it gets 'server busy: memory' (default: the JVM's direct memory"
            + " limit or the container's memory limit, whichever is lower, less a quarter).")
    private String memoryBudget;

    @Option(names = "--no-warmup", description = "Listen at once, without warming up the JIT on loopback first.")
    private boolean noWarmup;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Also serve /healthz for probes on this port, on"
            + " an event loop of its own: 503 while warming up, then 200 (default: none; Kubernetes: 19766).")
    private Integer adminPort;

    /** Counted down to stop a running server; the shutdown hook and tests use it. */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Counted down once every listener is closed; the shutdown hook waits for it. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (noHttp && noQperf) {
            throw new IllegalArgumentException("--no-http and --no-qperf leave nothing to serve");
        }
        Ports.checkListen("--port", port);
        Ports.checkListen("--http-port", httpPort);
        if (adminPort != null) {
            Ports.checkListen("--admin-port", adminPort);
        }
        if (httpsPort != null) {
            Ports.checkListen("--https-port", httpsPort);
        }
        if ((tlsCert == null) != (tlsKey == null) || (tlsCert != null && httpsPort == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together, with --https-port");
        }
        if (headerSeconds < 0) {
            throw new IllegalArgumentException("--header-timeout " + headerSeconds + ": expected 0 (never) or more");
        }
        atLeastOne("--threads", threads);
        atLeastOne("--max-time", maxTime);
        atLeastOne("--max-sessions", maxSessions);
        atLeastOne("--handshake-timeout", handshakeSeconds);
        PrintWriter err = spec.commandLine().getErr();
        TransportType type = transport.select(err);
        PrintWriter out = spec.commandLine().getOut();
        ServerMetrics metrics = new ServerMetrics(); // both servers count into it; /metrics on the HTTP port
        String gc = Environment.gc();
        metrics.gauge("netbench_info", "This server: its version, transport and GC.", "version=\""
                + Environment.netbenchVersion() + "\",transport=\"" + type.displayName() + "\",gc=\"" + gc + "\"",
                () -> 1);
        QperfServer.Builder qperfOptions = QperfServer.builder().port(port).bindAddress(bind).transport(type)
                .threads(threads).maxTime(Duration.ofSeconds(maxTime)).maxSessions(maxSessions).notices(err::println)
                .handshakeTimeout(Duration.ofSeconds(handshakeSeconds))
                .metrics(metrics).jitWarmup(noQperf || noWarmup ? Duration.ZERO : QPERF_WARMUP);
        if (memoryBudget != null) {
            qperfOptions.memoryBudget(OptionValues.qperfSize("--memory-budget", memoryBudget));
        }
        HttpBenchServer.Builder httpOptions = HttpBenchServer.builder().port(httpPort).bindAddress(bind)
                .transport(type).threads(threads).idleTimeout(Duration.ofSeconds(idleSeconds))
                .headerTimeout(Duration.ofSeconds(headerSeconds)).notices(err::println)
                .metrics(metrics).jitWarmup(noHttp || noWarmup ? Duration.ZERO : HTTP_WARMUP);
        if (httpsPort != null) {
            httpOptions.httpsPort(httpsPort);
        }
        if (maxConnections != null) {
            httpOptions.maxConnections(maxConnections);
        }
        if (tlsCert != null) {
            httpOptions.tls(tlsCert, tlsKey);
        }
        AdminServer admin = adminPort == null ? null : AdminServer.start(bind, adminPort, type, err::println);
        QperfServer qperf = null;
        HttpBenchServer http = null;
        try {
            if (admin != null) {
                out.printf("admin listening on %s port %d (/healthz)%n", address(), admin.port());
                out.flush();
            }
            if (!noWarmup) {
                long begin = System.nanoTime();
                qperfOptions.warmUp();
                httpOptions.warmUp();
                double warmup = (System.nanoTime() - begin) / 1e9;
                metrics.gauge("netbench_warmup_seconds", "How long the warm-up before listening took.", "", () -> warmup);
                err.printf(Locale.ROOT, "warm-up: %.1f s%n", warmup);
                err.flush();
            }
            if (!noQperf) {
                qperf = qperfOptions.build();
                out.printf("qperf listening on %s port %d (tcp+udp, %s, %s)%n", address(), qperf.port(),
                        type.displayName(), loops());
            }
            if (!noHttp) {
                http = httpOptions.build();
                out.printf("http listening on %s port %d (%s, %s)%n", address(), http.port(), type.displayName(),
                        loops());
                out.printf("http: at most %d connections%s%n", http.maxConnections(), maxConnections != null ? ""
                        : " (--max-connections; the default stays below the fd limit, ulimit -n)");
                if (http.httpsPort().isPresent()) {
                    out.printf("https listening on %s port %d (%s, %s)%n", address(), http.httpsPort().getAsInt(),
                            tlsCert == null ? "self-signed certificate for localhost" : tlsCert, TlsEngine.describe());
                }
            }
            out.flush();
            if (qperf != null) {
                err.printf("qperf: test buffers may hold %d MiB of direct memory together (--memory-budget)%n",
                        qperf.memoryBudget() >> 20);
            }
            if (!gc.startsWith("PS ")) {
                err.printf("gc: %s, not the Parallel GC of the image and bin/netbench (-XX:+UseParallelGC): start"
                        + " the servers you compare alike (G1 costs a server more CPU per request)%n", gc);
            }
            err.flush();
            if (admin != null) {
                admin.ready();
            }
            Thread hook = new Thread(this::closeFromSignal, "netbench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await();
            return 0;
        } finally {
            long begin = System.nanoTime();
            if (http != null) {
                http.close();
            }
            if (qperf != null) {
                qperf.close();
            }
            if (admin != null) {
                admin.close();
            }
            if (http != null || qperf != null) {
                err.printf("netbench server stopped (%d ms)%n", (System.nanoTime() - begin) / 1_000_000);
                err.flush();
            }
            closed.countDown();
        }
    }

    /** Stops a running {@link #call()}. */
    void stop() {
        stop.countDown();
    }

    /** SIGTERM/SIGINT: the JVM exits when hooks return, so wait (a little) for a clean close. */
    private void closeFromSignal() {
        stop.countDown();
        try {
            closed.await(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String loops() {
        return threads + (threads == 1 ? " event loop" : " event loops");
    }

    private String address() {
        return bind == null ? "*" : bind;
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + ": expected at least 1");
        }
    }
}
