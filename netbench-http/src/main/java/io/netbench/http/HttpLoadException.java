package io.netbench.http;

import java.io.IOException;

/** A load run could not start (e.g. {@code unable to connect to 127.0.0.1:1 Connection refused}). */
public final class HttpLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public HttpLoadException(String message) {
        super(message);
    }
}
