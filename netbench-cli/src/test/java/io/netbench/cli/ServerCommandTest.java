package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code netbench server}: bad options, a port in use, and a real process from warm-up to SIGTERM. */
class ServerCommandTest {
    @Test
    void badPortIsOneLineAndExitTwo() {
        CliTestSupport.Run run = CliTestSupport.execute("server", "--http-port", "70000");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("server: --http-port 70000: expected a port 0..65535\n", run.err());
        CliTestSupport.Run nothing = CliTestSupport.execute("server", "--no-http", "--no-qperf");
        assertEquals(2, nothing.exitCode());
        CliTestSupport.Run transport = CliTestSupport.execute("server", "--transport", "kqueue");
        assertEquals(2, transport.exitCode());
        assertTrue(transport.err().contains("unknown transport 'kqueue'"), transport.err());
        CliTestSupport.Run admin = CliTestSupport.execute("server", "--admin-port", "-1");
        assertEquals(2, admin.exitCode());
        assertEquals("server: --admin-port -1: expected a port 0..65535\n", admin.err());
        CliTestSupport.Run sessions = CliTestSupport.execute("server", "--max-sessions", "0");
        assertEquals(2, sessions.exitCode());
        assertEquals("server: --max-sessions 0: expected at least 1\n", sessions.err());
    }

    @Test
    void httpTargetOptionsAreCheckedAsBadInput() {
        CliTestSupport.Run alone = CliTestSupport.execute("server", "--tls-cert", "a.pem", "--tls-key", "b.pem");
        assertEquals(2, alone.exitCode(), alone.err());
        assertEquals("server: --tls-cert and --tls-key go together, with --https-port\n", alone.err());
        CliTestSupport.Run missing = CliTestSupport.execute("server", "--https-port", "0", "--no-qperf", "--no-warmup",
                "--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.key");
        assertEquals(2, missing.exitCode(), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("server: TLS certificate /nonexistent.pem / key /nonexistent.key: "),
                missing.err());
        CliTestSupport.Run header = CliTestSupport.execute("server", "--header-timeout", "-1");
        assertEquals(2, header.exitCode(), header.err());
        assertEquals("server: --header-timeout -1: expected 0 (never) or more\n", header.err());
    }

    @Test
    void portInUseIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            CliTestSupport.Run run = CliTestSupport.execute("server", "--no-qperf", "--no-warmup", "--http-port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("server: cannot listen on *:" + taken.getLocalPort()), run.err());
            CliTestSupport.Run ipv6 = CliTestSupport.execute("server", "--no-qperf", "--no-warmup", "--bind", "::1",
                    "--http-port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, ipv6.exitCode(), ipv6.err());
            assertTrue(ipv6.err().startsWith("server: cannot listen on [::1]:" + taken.getLocalPort() + ": "), ipv6.err());
        }
    }

    /**
     * A real process: warms up first, with nothing listening yet, says how long it took, then
     * serves both listeners; SIGTERM closes it cleanly within a few seconds (3 s: a loaded 2-core VM
     * can be slow to schedule the shutdown hook; a process that ignored SIGTERM would never end).
     */
    @Test
    void warmsUpThenServesThenStopsCleanlyOnSigterm() throws Exception {
        int qperfPort;
        int httpPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            qperfPort = a.getLocalPort();
            httpPort = b.getLocalPort();
        }
        Path log = Files.createTempFile("netbench-server", ".log");
        List<String> command = CliTestSupport.netbenchJvm("-XX:+UseSerialGC");
        command.addAll(List.of("server", "--threads", "1", "--port", String.valueOf(qperfPort), "--http-port",
                String.valueOf(httpPort)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            boolean refusedWhileWarming = false;
            while (Files.readAllLines(log).size() < 3 && System.nanoTime() < deadline) {
                if (Files.readAllLines(log).isEmpty() && warming(server.pid())) {
                    refusedWhileWarming |= refused(httpPort) && refused(qperfPort);
                }
                Thread.sleep(50);
            }
            List<String> lines = Files.readAllLines(log);
            assertTrue(refusedWhileWarming, "listening before the warm-up ended");
            assertTrue(lines.get(0).matches("warm-up: \\d+\\.\\d s"), lines.toString());
            assertEquals(List.of("qperf listening on * port " + qperfPort + " (tcp+udp, epoll, 1 event loop)",
                    "http listening on * port " + httpPort + " (epoll, 1 event loop)"), lines.subList(1, 3));
            HttpResponse<String> hello = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("Hello, World!", hello.body());
            CliTestSupport.Run qperf = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(qperfPort),
                    "-t", "1", "tcp_lat");
            assertEquals(0, qperf.exitCode(), qperf.err());
            assertTrue(Files.readString(log).contains("\ngc: Copy, MarkSweepCompact, not the Parallel GC of the"
                    + " image and bin/netbench (-XX:+UseParallelGC)"), "a server unlike the image's says so: "
                    + Files.readString(log));
            long begin = System.nanoTime();
            server.destroy();
            assertTrue(server.waitFor(3, TimeUnit.SECONDS), "not stopped within 3 s of SIGTERM");
            assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(3));
            assertTrue(Files.readString(log).contains("\nnetbench server stopped"), Files.readString(log));
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** The admin port answers at once: 503 while the server warms up, 200 once it listens. */
    @Test
    void adminPortAnswersProbesFromTheStart() throws Exception {
        int qperfPort;
        int adminPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            qperfPort = a.getLocalPort();
            adminPort = b.getLocalPort();
        }
        Path log = Files.createTempFile("netbench-server", ".log");
        List<String> command = CliTestSupport.netbenchJvm();
        command.addAll(List.of("server", "--threads", "1", "--no-http", "--port", String.valueOf(qperfPort),
                "--admin-port", String.valueOf(adminPort)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthz")).build();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            boolean warming = false;
            while (!Files.readString(log).contains("qperf listening") && System.nanoTime() < deadline) {
                if (!refused(adminPort)) {
                    HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                    warming |= r.statusCode() == 503 && !Files.readString(log).contains("qperf listening");
                }
                Thread.sleep(50);
            }
            assertTrue(warming, "the admin port answered 503 during the warm-up: " + Files.readString(log));
            assertTrue(Files.readString(log).startsWith("admin listening on * port " + adminPort + " (/healthz)\n"),
                    Files.readString(log));
            HttpResponse<String> ready = client.send(health, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());
            assertEquals("ok\n", ready.body());
            server.destroy();
            assertTrue(server.waitFor(2, TimeUnit.SECONDS), "not stopped after SIGTERM");
            assertTrue(refused(adminPort), "the admin port closed with the server");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** Whether the process runs netbench threads (the warm-up's servers and clients) before it listens. */
    private static boolean warming(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("netbench-");
                } catch (IOException e) {
                    return false; // the thread ended
                }
            });
        }
    }

    private static boolean refused(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
