package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Pre-encoded HTTP/1.1 responses: status line, headers and body as ready bytes, rebuilt once a
 * second with the new {@code Date}. The hot path writes a retained duplicate of a direct buffer:
 * no encoding and no allocation per request beyond the duplicate itself.
 */
final class Responses implements AutoCloseable {
    static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZEROS = new byte[64 * 1024];
    /** RFC 9110's IMF-fixdate: a two-digit day, always GMT (Java's RFC_1123_DATE_TIME writes "1 Dec"). */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);
    private static final Persistence[] PERSISTENCES = Persistence.values();

    /** 64 KiB of zeros, shared by every {@code /bytes/{n}} body as retained slices; released on close. */
    final ByteBuf zeros = Unpooled.directBuffer(ZEROS.length).writeBytes(ZEROS);
    private final ScheduledFuture<?> refresher;
    private volatile Snapshot current;
    /** Released one period late, so no event loop can be between reading it and retaining it. */
    private Snapshot previous;

    /** The responses of one second: the fixed ones, one per {@link Persistence}. */
    private record Snapshot(String date, ByteBuf[] hello, ByteBuf[] health) {
        void release() {
            for (int i = 0; i < hello.length; i++) {
                hello[i].release();
                health[i].release();
            }
        }
    }

    Responses(EventExecutor executor) {
        current = snapshot();
        refresher = executor.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.SECONDS);
    }

    private void refresh() {
        if (previous != null) {
            previous.release();
        }
        previous = current;
        current = snapshot();
    }

    private static Snapshot snapshot() {
        String date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        ByteBuf[] hello = new ByteBuf[PERSISTENCES.length];
        ByteBuf[] health = new ByteBuf[PERSISTENCES.length];
        for (Persistence p : PERSISTENCES) {
            hello[p.ordinal()] = direct(head(date, 200, HELLO.length, p, "text/plain"), HELLO);
            health[p.ordinal()] = direct(head(date, 200, OK.length, p, "text/plain"), OK);
        }
        return new Snapshot(date, hello, health);
    }

    private static ByteBuf direct(byte[] head, byte[] body) {
        return Unpooled.directBuffer(head.length + body.length).writeBytes(head).writeBytes(body);
    }

    /** The status line and headers of a response with {@code length} body bytes. */
    static byte[] head(String date, int status, long length, Persistence persistence, String contentType) {
        StringBuilder h = new StringBuilder(160).append("HTTP/1.1 ").append(status).append(' ')
                .append(HttpResponseStatus.valueOf(status).reasonPhrase()).append("\r\nServer: netbench\r\nDate: ")
                .append(date).append("\r\nContent-Type: ").append(contentType).append("\r\n");
        if (status != 204 && status != 304) {
            h.append("Content-Length: ").append(length).append("\r\n");
        }
        return h.append(persistence.header).append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code 200 Hello, World!}, from the cached bytes; {@code head} drops the body. */
    ByteBuf hello(Persistence persistence, boolean head) {
        return cached(current.hello[persistence.ordinal()], head, HELLO.length);
    }

    /** {@code 200 ok} for Kubernetes probes. */
    ByteBuf health(Persistence persistence, boolean head) {
        return cached(current.health[persistence.ordinal()], head, OK.length);
    }

    private static ByteBuf cached(ByteBuf full, boolean head, int bodyLength) {
        return head ? full.retainedSlice(0, full.readableBytes() - bodyLength) : full.retainedDuplicate();
    }

    /** Any other response: encoded now (rare paths: errors, statuses, sized bodies). */
    ByteBuf headOnly(ByteBufAllocator alloc, int status, long length, Persistence persistence) {
        byte[] head = head(current.date, status, length, persistence, "text/plain");
        return alloc.directBuffer(head.length).writeBytes(head);
    }

    /** A small complete response with a text body. */
    ByteBuf text(ByteBufAllocator alloc, int status, String body, Persistence persistence, boolean headRequest) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = headOnly(alloc, status, bytes.length, persistence);
        return headRequest ? buf : buf.writeBytes(bytes);
    }

    @Override
    public void close() {
        refresher.cancel(false);
        zeros.release();
        current.release();
        if (previous != null) {
            previous.release();
        }
    }
}
