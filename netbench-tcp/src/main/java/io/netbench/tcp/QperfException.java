package io.netbench.tcp;

import java.io.IOException;

/** A qperf run failed; the message is one line fit for a user (e.g. {@code server: ...}). */
public final class QperfException extends IOException {
    private static final long serialVersionUID = 1L;

    public QperfException(String message) {
        super(message);
    }

    public QperfException(String message, Throwable cause) {
        super(message, cause);
    }
}
