package io.netbench.tcp;

import io.netbench.core.NetbenchException;

/**
 * A qperf run failed because of its target: the server cannot be reached, refuses the test (its
 * reason as {@code server: ...}), stops answering, or is not a qperf server. The message is one
 * line, fit for a user as it is; the cause, where there is one, is kept.
 */
public final class QperfException extends NetbenchException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying exception.
     *
     * @param message one line, e.g. {@code server: msg_size 0 out of range (1 to 67108864)}
     */
    public QperfException(String message) {
        super(message);
    }

    /**
     * A failure caused by {@code cause}.
     *
     * @param message one line, e.g. {@code failed to receive results: timed out}
     * @param cause what failed underneath, kept for a stack trace
     */
    public QperfException(String message, Throwable cause) {
        super(message, cause);
    }
}
