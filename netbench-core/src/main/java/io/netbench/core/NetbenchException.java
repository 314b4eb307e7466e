package io.netbench.core;

import java.io.IOException;

/**
 * A run that failed for a reason other than its arguments: the target (unreachable, refusing,
 * timing out, not speaking the protocol), this machine ({@link MachineLimitException}), or an
 * interrupt ({@link RunInterruptedException}). The message is one line, fit to show a user as
 * it is; the cause, where there is one, is kept.
 *
 * <p>The library's other failure is {@link IllegalArgumentException}: an option out of range,
 * named in the message. The command line maps the two to exit codes 1 and 2.
 */
public class NetbenchException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with no cause.
     *
     * @param message one line saying what failed
     */
    public NetbenchException(String message) {
        super(message);
    }

    /**
     * A failure with what caused it.
     *
     * @param message one line saying what failed
     * @param cause what caused it
     */
    public NetbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
