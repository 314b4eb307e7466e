package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the benchmark endpoints on one connection. Responses are written as pre-encoded bytes
 * without a promise and flushed once per read batch, so pipelined requests go out in one write.
 * A response waits in the {@link ResponseQueue} only behind a pending {@code /delay} or while the
 * client does not read, which keeps pipelined responses in request order and the server's memory
 * bounded. Request bodies (Content-Length or chunked) are read and dropped; the response goes out
 * when the request has been read whole. Versions other than HTTP/1.x get 505, NUL bytes in the
 * request line or headers 400.
 */
final class HttpBenchHandler extends ChannelInboundHandlerAdapter {
    static final long MAX_BYTES = 64L << 20;
    static final long MAX_DELAY_MS = 60_000;
    /** The largest request body accepted (and dropped): 1 GiB. */
    static final long MAX_BODY = 1L << 30;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Responses responses;
    private final ResponseQueue queue;
    private final ConnectionDeadlines deadline;
    private final HttpMetrics metrics;
    private HttpRequest request;

    HttpBenchHandler(Responses responses, DelayTimers delays, ConnectionDeadlines deadline, HttpMetrics metrics) {
        this.metrics = metrics;
        this.responses = responses;
        this.queue = new ResponseQueue(delays, metrics);
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (queue.closing()) {
                return;
            }
            if (msg instanceof HttpRequest r) {
                deadline.headReceived();
                if (r.decoderResult().isFailure()) {
                    refuse(ctx, r.decoderResult().cause() instanceof TooLongFrameException ? 431 : 400);
                    return;
                }
                if (!acceptable(ctx, r)) {
                    return;
                }
                request = r;
            }
            if (msg instanceof LastHttpContent last && request != null) {
                if (last.decoderResult().isFailure()) {
                    refuse(ctx, last.decoderResult().cause() instanceof TooLongFrameException ? 431 : 400);
                    return;
                }
                respond(ctx, request);
                request = null;
                deadline.requestDone();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Answers {@code status} with its reason as the body, and closes: the rest of the stream is not a request. */
    private void refuse(ChannelHandlerContext ctx, int status) {
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase() + "\n";
        emit(ctx, () -> new ByteBuf[] {responses.text(ctx.alloc(), status, reason, Persistence.CLOSE, false)}, true);
    }

    /**
     * Refuses versions other than HTTP/1.x (505), NUL bytes (400), a body above {@link #MAX_BODY} (413) and
     * expectations other than {@code 100-continue} (417); queues {@code 100 Continue} for an HTTP/1.1 request
     * that expects it (flushed with this read batch, so the client sends its body at once instead of after its
     * own timeout, 1 s for curl).
     *
     * @return whether the request goes on
     */
    private boolean acceptable(ChannelHandlerContext ctx, HttpRequest r) {
        HttpVersion version = r.protocolVersion();
        String expect = r.headers().get(HttpHeaderNames.EXPECT);
        boolean http11 = version.equals(HttpVersion.HTTP_1_1);
        int refusal = version.majorVersion() != 1 ? 505 : hasNul(r) ? 400
                : expect != null && http11 && !expect.equalsIgnoreCase(HttpHeaderValues.CONTINUE.toString()) ? 417
                : HttpUtil.getContentLength(r, 0L) > MAX_BODY ? 413 : 0;
        if (refusal != 0) {
            refuse(ctx, refusal);
            return false;
        }
        if (expect != null && http11) {
            emit(ctx, () -> new ByteBuf[] {Unpooled.wrappedBuffer(CONTINUE)}, false);
        }
        return true;
    }

    static boolean hasNul(HttpRequest r) {
        if (r.uri().indexOf(0) >= 0) {
            return true;
        }
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = r.headers().iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (hasNul(header.getKey()) || hasNul(header.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNul(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 0) {
                return true;
            }
        }
        return false;
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest r) {
        Persistence persistence = Persistence.of(r);
        boolean close = persistence.closes();
        boolean head = r.method() == HttpMethod.HEAD;
        String uri = r.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.equals("/") && queue.direct(ctx)) { // the hot path: no recipe, no queue
            queue.write(ctx, responses.hello(persistence, head));
            if (close) {
                queue.closeAfterFlush(ctx);
            }
        } else if (path.startsWith("/delay/") && number(path, "/delay/", MAX_DELAY_MS) >= 0) {
            long ms = number(path, "/delay/", MAX_DELAY_MS);
            if (!queue.addDelayed(ctx, ms, () -> new ByteBuf[] {responses.hello(persistence, head)}, close)) {
                emit(ctx, () -> text(ctx, 503, "Service Unavailable: too many /delay timers\n", persistence, head),
                        close);
            }
        } else if (path.equals("/metrics")) {
            emit(ctx, () -> text(ctx, 200, metrics.text(), persistence, head), close);
        } else {
            emit(ctx, Endpoints.render(responses, ctx.alloc(), path, persistence, head), close);
        }
    }

    /** Writes a response now if nothing is ahead of it and the client reads, else queues its recipe. */
    private void emit(ChannelHandlerContext ctx, Supplier<ByteBuf[]> render, boolean close) {
        if (queue.direct(ctx)) {
            for (ByteBuf part : render.get()) {
                queue.write(ctx, part);
            }
            if (close) {
                queue.closeAfterFlush(ctx);
            }
        } else {
            queue.add(ctx, render, close);
        }
    }

    private ByteBuf[] text(ChannelHandlerContext ctx, int status, String body, Persistence persistence, boolean head) {
        return new ByteBuf[] {responses.text(ctx.alloc(), status, body, persistence, head)};
    }

    /** The decimal number after {@code prefix}, or -1 if absent, malformed or above {@code max}. */
    static long number(String path, String prefix, long max) {
        String digits = path.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long n = Long.parseLong(digits);
        return n <= max ? n : -1;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        queue.readIfRoom(ctx);
    }

    /** The client read (writable again): what waited for it goes out, and reading resumes if there is room. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            queue.drain(ctx);
            ctx.flush();
        } else {
            queue.readIfRoom(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queue.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
