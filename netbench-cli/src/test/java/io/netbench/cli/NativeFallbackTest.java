package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.cli.CliTestSupport.Run;
import io.netbench.core.ResultJson;
import io.netbench.core.TransportType;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where epoll should load and cannot (Netty's native library has nowhere to be unpacked, as in a
 * pod with a read-only root and no writable /tmp), every command says so with what to mount or
 * set, results record nio, {@code --transport epoll} fails instead of falling back, and TLS runs
 * on the JDK's engine instead of BoringSSL ({@code info} says so). Each
 * command runs in a JVM of its own whose native workdir cannot be created, even by root.
 */
class NativeFallbackTest {
    private static final String NO_WORKDIR = "/dev/null/netbench";

    @BeforeAll
    static void epollWorksHere() {
        assumeTrue(TransportType.EPOLL.isAvailable(), "epoll is not available here at all");
    }

    private static Run netbench(String... args) throws IOException, InterruptedException {
        List<String> command = CliTestSupport.netbenchJvm("-Dio.netty.native.workdir=" + NO_WORKDIR);
        command.addAll(List.of(args));
        return CliTestSupport.exec(Duration.ofMinutes(1), command);
    }

    private static void assertWarns(Run run) {
        List<String> lines = run.err().lines().filter(l -> l.startsWith("warning: epoll")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("warning: epoll did not load (Custom native workdir mkdirs failed: "
                + NO_WORKDIR + ")"), lines.get(0));
        assertTrue(lines.get(0).contains("mount an emptyDir there) or point -Dio.netty.native.workdir= at one"),
                lines.get(0));
    }

    @Test
    void infoWarnsWithWhatToMount() throws Exception {
        Run info = netbench("info");
        assertEquals(0, info.exitCode(), info.err());
        assertWarns(info);
        assertTrue(info.out().contains("nio       available (default)"), info.out());
        assertTrue(info.out().contains("epoll     unavailable: Custom native workdir mkdirs failed"), info.out());
        assertTrue(info.out().contains("\ntls:        JDK (BoringSSL did not load: "),
                "TLS falls back too: " + info.out());
    }

    @Test
    void askingForEpollFailsInOneLineInsteadOfFallingBack() throws Exception {
        Run server = netbench("server", "--transport", "epoll", "--no-warmup", "--port", "0", "--http-port", "0");
        assertEquals(1, server.exitCode(), server.err());
        assertEquals(1, server.err().lines().count(), server.err());
        assertTrue(server.err().startsWith("server: transport epoll is not available: Custom native workdir mkdirs"
                + " failed: " + NO_WORKDIR + "; netty unpacks its native library into " + NO_WORKDIR), server.err());
        assertEquals("", server.out());
    }

    @Test
    void resultsOfTheFallbackSayNio() throws Exception {
        try (QperfServer qperf = QperfServer.builder().bindAddress("127.0.0.1").port(0).threads(1).build();
             HttpBenchServer http = HttpBenchServer.builder().bindAddress("127.0.0.1").port(0).threads(1).build()) {
            Run wrk = netbench("wrk", "-t1", "-c1", "-d1s", "--jit-warmup", "0", "--json",
                    "http://127.0.0.1:" + http.port() + "/");
            assertEquals(0, wrk.exitCode(), wrk.err());
            assertWarns(wrk);
            assertEquals("nio", ResultJson.read(wrk.out()).tests().get(0).transport());
            Run lat = netbench("qperf", "127.0.0.1", "-lp", String.valueOf(qperf.port()), "-t", "1", "--jit-warmup",
                    "0", "--json", "tcp_lat");
            assertEquals(0, lat.exitCode(), lat.err());
            assertWarns(lat);
            assertEquals("nio", ResultJson.read(lat.out()).tests().get(0).transport());
        }
    }
}
