package io.netbench.http;

import io.netbench.core.NetbenchException;

/**
 * An HTTP load run failed because of its target or its script: the target could not be reached
 * before the run ({@code unable to connect to 127.0.0.1:1 Connection refused}, as wrk says it), a
 * wrk script's hook failed ({@code name:line: message}), TLS could not be set up. The message is
 * one line; the cause, where there is one, is kept.
 */
public final class HttpLoadException extends NetbenchException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a one-line message.
     *
     * @param message what failed, fit to show as it is
     */
    public HttpLoadException(String message) {
        super(message);
    }

    /**
     * A failure with a one-line message and what caused it.
     *
     * @param message what failed, fit to show as it is
     * @param cause the exception behind it
     */
    public HttpLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
