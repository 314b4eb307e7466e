package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
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
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Answers the benchmark endpoints on one connection. Responses are written as pre-encoded bytes
 * without a promise and flushed once per read batch, so pipelined requests go out in one write.
 * A response waits in a queue only while an earlier {@code /delay} response is pending, which
 * keeps pipelined responses in request order. Request bodies (Content-Length or chunked) are read
 * and dropped; the response goes out when the request has been read whole.
 */
final class HttpBenchHandler extends ChannelInboundHandlerAdapter {
    static final long MAX_BYTES = 64L << 20;
    static final long MAX_DELAY_MS = 60_000;
    /** The largest request body accepted (and dropped): 1 GiB. */
    static final long MAX_BODY = 1L << 30;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Responses responses;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    private HttpRequest request;
    private boolean closing;

    /** A response that may still be waiting for its delay. */
    private static final class Slot {
        ByteBuf[] parts;
        boolean close;
    }

    HttpBenchHandler(Responses responses) {
        this.responses = responses;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closing) {
                return;
            }
            if (msg instanceof HttpRequest r) {
                if (r.decoderResult().isFailure()) {
                    badRequest(ctx, r.decoderResult().cause());
                    return;
                }
                if (!expectation(ctx, r)) {
                    return;
                }
                request = r;
            }
            if (msg instanceof LastHttpContent last && request != null) {
                if (last.decoderResult().isFailure()) {
                    badRequest(ctx, last.decoderResult().cause());
                    return;
                }
                respond(ctx, request);
                request = null;
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void badRequest(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, cause instanceof TooLongFrameException ? 431 : 400);
    }

    /** Answers {@code status} with its reason as the body, and closes: the rest of the stream is not a request. */
    private void refuse(ChannelHandlerContext ctx, int status) {
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase() + "\n";
        enqueue(ctx, ready(new ByteBuf[] {responses.text(ctx.alloc(), status, reason, Persistence.CLOSE, false)},
                true));
    }

    /**
     * Refuses a body too large for {@link #MAX_BODY} (413) and expectations other than {@code 100-continue}
     * (417); queues {@code 100 Continue} for an HTTP/1.1 request that expects it (flushed with this read batch,
     * so the client sends its body at once instead of after its own timeout, 1 s for curl).
     *
     * @return whether the request goes on
     */
    private boolean expectation(ChannelHandlerContext ctx, HttpRequest r) {
        String expect = r.headers().get(HttpHeaderNames.EXPECT);
        boolean http11 = r.protocolVersion().equals(HttpVersion.HTTP_1_1);
        if (expect != null && http11 && !expect.equalsIgnoreCase(HttpHeaderValues.CONTINUE.toString())) {
            refuse(ctx, 417);
            return false;
        }
        if (HttpUtil.getContentLength(r, 0L) > MAX_BODY) {
            refuse(ctx, 413);
            return false;
        }
        if (expect != null && http11) {
            enqueue(ctx, ready(new ByteBuf[] {Unpooled.wrappedBuffer(CONTINUE)}, false));
        }
        return true;
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest r) {
        Persistence persistence = Persistence.of(r);
        boolean close = persistence.closes();
        boolean head = r.method() == HttpMethod.HEAD;
        String uri = r.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.equals("/")) {
            if (queue.isEmpty()) {
                ctx.write(responses.hello(persistence, head), ctx.voidPromise());
                if (close) {
                    closeAfterFlush(ctx);
                }
                return;
            }
            enqueue(ctx, ready(new ByteBuf[] {responses.hello(persistence, head)}, close));
        } else if (path.equals("/healthz")) {
            enqueue(ctx, ready(new ByteBuf[] {responses.health(persistence, head)}, close));
        } else if (path.startsWith("/bytes/")) {
            long n = number(path, "/bytes/", MAX_BYTES);
            enqueue(ctx, ready(n < 0 ? notFound(ctx, persistence, head) : bytes(ctx, n, persistence, head), close));
        } else if (path.startsWith("/status/")) {
            long code = number(path, "/status/", 599);
            enqueue(ctx, ready(code < 200 ? notFound(ctx, persistence, head) : status(ctx, (int) code, persistence), close));
        } else if (path.startsWith("/delay/")) {
            long ms = number(path, "/delay/", MAX_DELAY_MS);
            if (ms < 0) {
                enqueue(ctx, ready(notFound(ctx, persistence, head), close));
            } else {
                Slot slot = new Slot();
                slot.close = close;
                queue.add(slot);
                ctx.executor().schedule(() -> {
                    if (closing) {
                        return;
                    }
                    slot.parts = new ByteBuf[] {responses.hello(persistence, head)};
                    drain(ctx);
                    ctx.flush();
                }, ms, TimeUnit.MILLISECONDS);
            }
        } else {
            enqueue(ctx, ready(notFound(ctx, persistence, head), close));
        }
    }

    private ByteBuf[] notFound(ChannelHandlerContext ctx, Persistence persistence, boolean head) {
        return new ByteBuf[] {responses.text(ctx.alloc(), 404, "Not Found\n", persistence, head)};
    }

    private ByteBuf[] status(ChannelHandlerContext ctx, int code, Persistence persistence) {
        return new ByteBuf[] {responses.headOnly(ctx.alloc(), code, 0, persistence)};
    }

    /** The head, then the body as slices of one shared 64 KiB buffer: no copy, bounded count. */
    private ByteBuf[] bytes(ChannelHandlerContext ctx, long n, Persistence persistence, boolean head) {
        int chunk = responses.zeros.readableBytes();
        int slices = head ? 0 : (int) ((n + chunk - 1) / chunk);
        ByteBuf[] parts = new ByteBuf[1 + slices];
        parts[0] = responses.headOnly(ctx.alloc(), 200, n, persistence);
        for (int i = 1; i <= slices; i++) {
            long left = n - (long) (i - 1) * chunk;
            parts[i] = responses.zeros.retainedSlice(0, (int) Math.min(chunk, left));
        }
        return parts;
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

    private static Slot ready(ByteBuf[] parts, boolean close) {
        Slot slot = new Slot();
        slot.parts = parts;
        slot.close = close;
        return slot;
    }

    private void enqueue(ChannelHandlerContext ctx, Slot slot) {
        queue.add(slot);
        drain(ctx);
    }

    /** Writes every response at the head of the queue that is ready. */
    private void drain(ChannelHandlerContext ctx) {
        while (!queue.isEmpty() && queue.peek().parts != null && !closing) {
            Slot slot = queue.poll();
            for (ByteBuf part : slot.parts) {
                ctx.write(part, ctx.voidPromise());
            }
            if (slot.close) {
                closeAfterFlush(ctx);
            }
        }
    }

    private void closeAfterFlush(ChannelHandlerContext ctx) {
        closing = true;
        ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
        releaseQueued();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        releaseQueued();
        ctx.fireChannelInactive();
    }

    private void releaseQueued() {
        for (Slot slot : queue) {
            if (slot.parts != null) {
                for (ByteBuf part : slot.parts) {
                    ReferenceCountUtil.release(part);
                }
            }
        }
        queue.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
