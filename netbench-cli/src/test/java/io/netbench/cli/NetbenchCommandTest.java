package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The root command (help, version, unknown input), {@code selftest} and {@code info}. */
class NetbenchCommandTest {
    @Test
    void helpListsSubcommands() {
        CliTestSupport.Run run = CliTestSupport.execute("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("info"), run.out());
        assertTrue(run.out().contains("Usage: netbench"), run.out());
    }

    @Test
    void versionNamesTheTool() {
        CliTestSupport.Run run = CliTestSupport.execute("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("netbench "), run.out());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliTestSupport.Run run = CliTestSupport.execute("--bogus");
        assertEquals(NetbenchCommand.EXIT_USAGE, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    @Test
    void unknownSubcommandIsOneLineAndExitTwo() {
        CliTestSupport.Run run = CliTestSupport.execute("frobnicate");
        assertEquals(NetbenchCommand.EXIT_USAGE, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void helpNamesEveryTool() {
        CliTestSupport.Run run = CliTestSupport.execute("--help");
        for (String command : new String[] {"selftest", "server", "qperf", "wrk"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " in\n" + run.out());
        }
    }

    @Test
    void selftestMeasuresBothSides() {
        CliTestSupport.Run run = CliTestSupport.execute("selftest", "--time", "1");
        assertEquals(0, run.exitCode(), run.err());
        for (String part : new String[] {"tcp_bw:\n    bw ", "tcp_lat:\n    latency ", "latency_p99", "udp_lat:",
            "Running 1s test @ http://127.0.0.1:", "Requests/sec: "}) {
            assertTrue(run.out().contains(part), part + " in\n" + run.out());
        }
        assertEquals(2, CliTestSupport.execute("selftest", "--time", "0").exitCode());
    }

    @Test
    void infoShowsEveryTransport() {
        CliTestSupport.Run run = CliTestSupport.execute("info");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[] {"nio", "epoll", "io_uring"}) {
            assertTrue(run.out().contains(name), run.out());
        }
        assertTrue(run.out().contains("open files: max"), run.out());
        assertTrue(run.out().contains("\ntls:        BoringSSL\n"), "the jar's BoringSSL loads here: " + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("gc:") && (l.contains("Young")
                || l.contains("Scavenge") || l.contains("Copy"))), "the collectors of this JVM: " + run.out());
    }
}
