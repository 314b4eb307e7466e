package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code netbench server} process from the shaded jar, as a pod runs it but small: 128 MiB of
 * heap and of direct memory, {@value #FD_LIMIT} file descriptors, a handshake timeout of
 * {@value #HANDSHAKE_SECONDS} s. After each probe {@link #assertStillServes} checks what the
 * README promises: /healthz and a qperf tcp_lat answer, resident memory stayed under
 * {@value #RSS_BOUND_MIB} MiB, no stack trace in its output, and its descriptors are back to their
 * count before the probe once the probe's clients have gone.
 */
final class AbusedServer implements AutoCloseable {
    static final int FD_LIMIT = 512;
    static final int HANDSHAKE_SECONDS = 2;
    /** 128 MiB heap + 128 MiB direct + the JVM's own (code, metaspace, threads, ~100 MiB), with room. */
    static final long RSS_BOUND_MIB = 450;
    private static final Path JAR = Path.of(System.getProperty("netbench.jar", "target/netbench.jar"));

    final int qperfPort;
    final int httpPort;
    final int adminPort;
    private final Process process;
    private final Path log;
    private final long baselineFds;

    private AbusedServer(int[] ports, Process process, Path log) throws Exception {
        this.qperfPort = ports[0];
        this.httpPort = ports[1];
        this.adminPort = ports[2];
        this.process = process;
        this.log = log;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log().contains("http listening") && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(log().contains("http listening"), "the server did not start: " + log());
        tcpLat();
        get(httpPort, "/");
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // the fewest of five readings: not one taken while a file is open for a moment
            Thread.sleep(100);
            fewest = Math.min(fewest, openFds().size());
        }
        baselineFds = fewest;
    }

    /** @param transport the server's {@code --transport} */
    static AbusedServer start(String transport) throws Exception {
        Path prlimit = ExternalTools.require("prlimit");
        int[] ports = new int[3];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports[i] = s.getLocalPort();
            }
        }
        Path log = Files.createTempFile("netbench-abused", ".log");
        List<String> command = List.of(prlimit.toString(), "--nofile=" + FD_LIMIT, CliTestSupport.java(),
                "-Xmx128m", "-XX:MaxDirectMemorySize=128m", "-jar", JAR.toString(), "server", "--no-warmup",
                "--transport", transport,
                "--threads", "2", "--port", String.valueOf(ports[0]), "--http-port", String.valueOf(ports[1]),
                "--admin-port", String.valueOf(ports[2]), "--handshake-timeout", String.valueOf(HANDSHAKE_SECONDS));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AbusedServer(ports, process, log);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** What the server's open descriptors are ({@code socket:[inode]}, a path, ...), as in {@code /proc/PID/fd}. */
    private List<String> openFds() throws IOException {
        try (var entries = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return entries.flatMap(fd -> Stream.ofNullable(target(fd))).toList();
        }
    }

    /** {@code null} when the descriptor was closed between the listing and this read. */
    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The peak resident memory of the process so far (VmHWM), in MiB. */
    long peakRssMib() throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
        String line = status.lines().filter(l -> l.startsWith("VmHWM:")).findFirst().orElseThrow();
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    }

    /** A tcp_lat of a second from this JVM; a real result, not a silent 0. */
    QperfResult tcpLat() throws Exception {
        QperfResult r = QperfClient.to("127.0.0.1", qperfPort).test(QperfTest.TCP_LAT).time(Duration.ofSeconds(1)).run();
        assertTrue(r.latencyNanos() > 0, "tcp_lat measured nothing: " + r);
        return r;
    }

    /** {@code GET path} on a connection of its own that the server closes after the response; the whole response. */
    static String get(int port, String path) throws IOException {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} and reads until the server closes, five seconds at most. */
    static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** What every probe must leave behind: see the class comment. */
    void assertStillServes(String probe) throws Exception {
        assertTrue(process.isAlive(), probe + ": the server died: " + log());
        String health = get(adminPort, "/healthz");
        assertTrue(health.startsWith("HTTP/1.1 200"), probe + ": /healthz answered " + health);
        tcpLat();
        // One reading at or under the baseline is the promise kept: the server also opens files for a
        // moment (/proc/stat and /proc/net/snmp around each qperf test, the JVM its cgroup's memory
        // limit), so a second reading could catch one of those and fail a server that leaks nothing.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANDSHAKE_SECONDS + 15);
        List<String> open = openFds();
        while (open.size() > baselineFds && System.nanoTime() < deadline) {
            Thread.sleep(200);
            open = openFds();
        }
        assertTrue(open.size() <= baselineFds, probe + ": " + open.size() + " descriptors open, " + baselineFds
                + " before: " + open);
        long rss = peakRssMib();
        assertTrue(rss < RSS_BOUND_MIB, probe + ": peak RSS " + rss + " MiB");
        String output = log();
        assertFalse(output.contains("\tat ") || output.contains("Exception in thread"), probe + ": a stack trace: "
                + output);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
