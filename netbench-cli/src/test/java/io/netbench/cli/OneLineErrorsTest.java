package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.MachineLimitException;
import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Each kind of failure, thrown by a command, as the one line and exit code the user gets. */
class OneLineErrorsTest {
    @Command(name = "probe")
    private record Throwing(Exception failure) implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    /** The exit code and stderr of a command that throws {@code failure}. */
    private static String run(Exception failure) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Throwing(failure));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler(new OneLineErrors());
        cmd.setExecutionExceptionHandler(new OneLineErrors());
        return cmd.execute() + " " + err;
    }

    @Test
    void badInputExitsTwoNamingTheOption() {
        assertEquals("2 probe: -d 0: must be positive\n", run(new IllegalArgumentException("-d 0: must be positive")));
    }

    @Test
    void aFailedRunExitsOneWithItsMessage() {
        assertEquals("1 probe: 10.0.0.1: failed to connect to port 19765 (Connection refused)\n",
                run(new NetbenchException("10.0.0.1: failed to connect to port 19765 (Connection refused)",
                        new java.net.ConnectException("Connection refused"))));
        assertEquals("1 probe: 20000 connections need as many file descriptors: raise it, e.g. ulimit -n 21024\n",
                run(new MachineLimitException("20000 connections need as many file descriptors: raise it, e.g."
                        + " ulimit -n 21024")));
        RunInterruptedException interrupted = RunInterruptedException.of("tcp_lat", new InterruptedException());
        assertEquals(true, Thread.interrupted(), "the flag is set again, and cleared here");
        assertEquals("1 probe: tcp_lat: interrupted\n", run(interrupted));
    }

    @Test
    void failuresMeantForTheUserKeepTheirOwnWords() {
        assertEquals("1 probe: cannot listen on *:8080: Address already in use\n",
                run(new IllegalStateException("cannot listen on *:8080: Address already in use")));
        assertEquals("1 probe: -o out.json: cannot write (disk full)\n",
                run(new UncheckedIOException("-o out.json: cannot write (disk full)", new java.io.IOException())));
        assertEquals("1 probe: /x/y: Not a directory\n", run(new NoSuchFileException("/x/y", null, "Not a directory")));
    }

    @Test
    void aBugIsOneLineNamingItsType() {
        assertEquals("1 probe: NullPointerException\n", run(new NullPointerException()));
        assertEquals("1 probe: ArithmeticException: / by zero\n", run(new ArithmeticException("/ by zero\nat ...")));
    }

    @Test
    void aFileThatFailsIsSaidInTheShellsWordsNotByItsExceptionsType() {
        assertEquals("no such file or directory", OneLineErrors.reason(new NoSuchFileException("/x/y")));
        assertEquals("permission denied", OneLineErrors.reason(new AccessDeniedException("/etc/shadow")));
        assertEquals("Is a directory", OneLineErrors.reason(new FileSystemException("/tmp", null, "Is a directory")));
        assertEquals("disk full", OneLineErrors.reason(new java.io.IOException("disk full\nmore")));
        assertEquals("IOException", OneLineErrors.reason(new java.io.IOException()));
    }
}
