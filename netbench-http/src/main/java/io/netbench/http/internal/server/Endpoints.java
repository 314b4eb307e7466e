package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpMethod;
import java.util.function.Supplier;

/**
 * The endpoints other than {@code /} and {@code /delay/{ms}}, as recipes: {@code /healthz},
 * {@code /bytes/{n}}, {@code /status/{code}}, and 404 for anything else; and the admin port's. A
 * recipe renders when its response's turn comes, so a queued response costs no buffers until it
 * can be written.
 */
final class Endpoints {
    private static final String NOT_FOUND = "Not Found\n";

    private Endpoints() {
    }

    /** {@return the recipe of the response to {@code path}} */
    static Supplier<ByteBuf[]> render(Responses responses, ByteBufAllocator alloc, String path,
                                      Persistence persistence, boolean head) {
        if (path.equals("/")) {
            return () -> new ByteBuf[] {responses.hello(persistence, head)};
        }
        if (path.equals("/healthz")) {
            return () -> new ByteBuf[] {responses.health(persistence, head)};
        }
        long n = path.startsWith("/bytes/") ? RequestChecks.number(path, "/bytes/", RequestChecks.MAX_BYTES) : -1;
        if (n >= 0) {
            return () -> bytes(responses, alloc, n, persistence, head);
        }
        long code = path.startsWith("/status/") ? RequestChecks.number(path, "/status/", 599) : -1;
        if (code >= 200) {
            return () -> new ByteBuf[] {responses.headOnly(alloc, (int) code, 0, persistence)};
        }
        return () -> new ByteBuf[] {responses.text(alloc, 404, NOT_FOUND, persistence, head)};
    }

    /**
     * {@return the admin port's recipe for {@code path}: {@code /healthz} (GET or HEAD) answers
     * {@code 200 ok} once the server is {@code ready}, {@code 503 warming up} before; anything else 404}
     */
    static Supplier<ByteBuf[]> admin(Responses responses, ByteBufAllocator alloc, String path, HttpMethod method,
                                     boolean ready, Persistence persistence, boolean head) {
        if (!path.equals("/healthz") || !(head || method.equals(HttpMethod.GET))) {
            return () -> new ByteBuf[] {responses.text(alloc, 404, NOT_FOUND, persistence, head)};
        }
        return ready ? () -> new ByteBuf[] {responses.health(persistence, head)}
                : () -> new ByteBuf[] {responses.text(alloc, 503, "warming up\n", persistence, head)};
    }

    /** The head, then the body as slices of one shared 64 KiB buffer: no copy, bounded count. */
    private static ByteBuf[] bytes(Responses responses, ByteBufAllocator alloc, long n, Persistence persistence,
                                   boolean head) {
        int chunk = responses.zeros.readableBytes();
        int slices = head ? 0 : (int) ((n + chunk - 1) / chunk);
        ByteBuf[] parts = new ByteBuf[1 + slices];
        parts[0] = responses.headOnly(alloc, 200, n, persistence);
        for (int i = 1; i <= slices; i++) {
            long left = n - (long) (i - 1) * chunk;
            parts[i] = responses.zeros.retainedSlice(0, (int) Math.min(chunk, left));
        }
        return parts;
    }
}
