package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    void infoShowsEveryTransport() {
        CliTestSupport.Run run = CliTestSupport.execute("info");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[] {"nio", "epoll", "io_uring"}) {
            assertTrue(run.out().contains(name), run.out());
        }
        assertTrue(run.out().contains("open files: max"), run.out());
    }
}
