package io.netbench.http.internal.server;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What a response says about its connection, as RFC 9112 §9.3 and nginx have it: an HTTP/1.1
 * request keeps it open unless it says {@code Connection: close}; an HTTP/1.0 request closes it
 * unless it says {@code Connection: keep-alive}, and then the response must say so too (ApacheBench
 * {@code -k} waits for the close otherwise). {@code Keep-Alive} header tokens are ignored.
 */
enum Persistence {
    /** HTTP/1.1 keep-alive: nothing to say. */
    DEFAULT(""),
    /** HTTP/1.0 keep-alive: {@code Connection: keep-alive}. */
    KEEP_ALIVE("Connection: keep-alive\r\n"),
    /** Answer, then close. */
    CLOSE("Connection: close\r\n");

    final String header;

    Persistence(String header) {
        this.header = header;
    }

    /** {@return what the response to {@code request} says} */
    static Persistence of(HttpRequest request) {
        if (!HttpUtil.isKeepAlive(request)) {
            return CLOSE;
        }
        return request.protocolVersion().equals(HttpVersion.HTTP_1_0) ? KEEP_ALIVE : DEFAULT;
    }

    boolean closes() {
        return this == CLOSE;
    }
}
