package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.OutOfMemory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Failures nobody caught: one line each, and a fatal out-of-memory error ends the process. */
class ProcessErrorsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProcessErrors errors = new ProcessErrors(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uncaughtExceptionsAndNettysWarningsAreOneLineWithTheirCause() {
        errors.uncaughtException(new Thread("netbench-qperf-data-x"),
                new IllegalStateException("boom\n\tat somewhere", new IOException("Too many open files")));
        LogRecord record = new LogRecord(Level.WARNING, "An exceptionCaught() event was fired");
        record.setThrown(new IOException("Connection reset by peer"));
        errors.publish(record);
        errors.publish(new LogRecord(Level.INFO, "not a problem"));
        assertEquals("netbench: uncaught IllegalStateException: boom (IOException: Too many open files) in thread"
                + " netbench-qperf-data-x\nnetbench: An exceptionCaught() event was fired: IOException: Connection reset"
                + " by peer\n", printed().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFailedDirectBufferReservationIsNotFatalButTheHeapIs() {
        OutOfMemoryError direct = new OutOfMemoryError("Cannot reserve 67108864 bytes of direct buffer memory");
        errors.uncaughtException(new Thread("t"), direct);
        assertEquals("netbench: uncaught OutOfMemoryError: Cannot reserve 67108864 bytes of direct buffer memory in"
                + " thread t\n", printed().replace(System.lineSeparator(), "\n"));
        assertEquals(false, OutOfMemory.isFatal(direct));
        assertEquals(true, OutOfMemory.isFatal(new IllegalStateException(new OutOfMemoryError("Java heap space"))));
    }

    @Test
    void aFatalOutOfMemoryErrorEndsTheProcessWithOneLine() throws Exception {
        List<String> command = CliTestSupport.netbenchJvm();
        command.set(command.size() - 1, FatalThread.class.getName());
        CliTestSupport.Run run = CliTestSupport.exec(Duration.ofSeconds(30), command);
        assertEquals(NetbenchCommand.EXIT_FAILURE, run.exitCode());
        assertEquals("netbench: out of memory, exiting: uncaught OutOfMemoryError: Java heap space in thread worker\n",
                run.err().replace(System.lineSeparator(), "\n"));
        assertEquals("", run.out(), "the main thread never went on");
    }

    /** A process that installs the handlers and loses a thread to a heap OOM, then would print and exit 0. */
    static final class FatalThread {
        public static void main(String[] args) throws InterruptedException {
            ProcessErrors.install(System.err);
            Thread worker = new Thread(() -> {
                throw new OutOfMemoryError("Java heap space");
            }, "worker");
            worker.start();
            worker.join();
            Thread.sleep(2000);
            System.out.println("still here");
        }
    }
}
