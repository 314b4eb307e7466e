package io.netbench.cli;

import io.netbench.core.OutOfMemory;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the process does with failures that no command caught: an exception that ends a thread,
 * and what Netty logs (an exception that reached the end of a pipeline, a failed task of an event
 * loop). Each is one line on stderr with its cause, never a stack trace, and the process goes on
 * serving. An {@link OutOfMemoryError} other than a failed direct-buffer reservation (see
 * {@link OutOfMemory}) instead ends the process at once with a line saying so and exit code
 * {@link NetbenchCommand#EXIT_FAILURE}, as {@code -XX:+ExitOnOutOfMemoryError} would, so that a
 * supervisor (Kubernetes) restarts it rather than leave it half-dead.
 */
final class ProcessErrors extends Handler implements Thread.UncaughtExceptionHandler {
    private final PrintStream err;

    ProcessErrors(PrintStream err) {
        this.err = err;
    }

    /** Makes this the handler of uncaught exceptions and of every log record (Netty's included), printing to {@code err}. */
    static void install(PrintStream err) {
        ProcessErrors handler = new ProcessErrors(err);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(handler);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        report("uncaught " + describe(failure) + " in thread " + thread.getName(), failure);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        String message = record.getMessage() == null ? "" : record.getMessage().lines().findFirst().orElse("");
        Throwable failure = record.getThrown();
        report(failure == null ? message : message + ": " + describe(failure), failure);
    }

    private void report(String line, Throwable failure) {
        if (failure != null && OutOfMemory.isFatal(failure)) {
            err.println("netbench: out of memory, exiting: " + line);
            err.flush();
            Runtime.getRuntime().halt(NetbenchCommand.EXIT_FAILURE);
        }
        err.println("netbench: " + line);
        err.flush();
    }

    /** {@code Type: message}, the first line only, with the root cause's where it differs. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": "
                + failure.getMessage().lines().findFirst().orElse(""));
        return root == failure ? text : text + " (" + describe(root) + ")";
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
