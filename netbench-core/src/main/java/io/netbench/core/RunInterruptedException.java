package io.netbench.core;

/**
 * The thread running a measurement was interrupted, or its future cancelled: the run stopped
 * early, its connections closed, and there is no result. The interrupt flag of the thread that
 * threw it is set again ({@link #of}), so code above it sees the interrupt too.
 */
public final class RunInterruptedException extends NetbenchException {
    private static final long serialVersionUID = 1L;

    private RunInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for {@code e}, caught by the current thread, whose interrupt flag is set again.
     *
     * @param what the run that was interrupted, e.g. "tcp_lat against 10.0.0.1:19765"
     * @param e the interrupt, kept as the cause
     * @return the exception to throw, with the message {@code "<what>: interrupted"}
     */
    public static RunInterruptedException of(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RunInterruptedException(what + ": interrupted", e);
    }
}
