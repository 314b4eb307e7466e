package io.netbench.http.internal.client;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Where a worker's requests come from: the same pre-built bytes every time ({@link RequestTemplate}),
 * or a wrk Lua script's {@code request()}, {@code response()} and {@code delay()} hooks. One
 * instance per worker, called only on that worker's event loop.
 */
interface RequestSource {
    /** The bytes of the next send (released by the write). */
    ByteBuf next();

    /** Responses expected for each send. */
    int pipeline();

    /** Whether {@link #response} wants the headers and body (parsing them costs). */
    default boolean wantsResponse() {
        return false;
    }

    /** A complete response; {@code headers} alternate name and value. */
    default void response(int status, List<String> headers, String body) {
    }

    /** Milliseconds to wait before the next send, or -1 for none. */
    default long delayMillis() {
        return -1;
    }

    /** Where to connect instead of the URL's address (a script's {@code thread.addr}), or null. */
    default java.net.InetSocketAddress address() {
        return null;
    }

    /** The run is over: release what the source holds. */
    default void close() {
    }

    /** Called by the source to stop its worker (a script's {@code thread:stop()}). */
    default void onStop(Runnable stop) {
    }
}
