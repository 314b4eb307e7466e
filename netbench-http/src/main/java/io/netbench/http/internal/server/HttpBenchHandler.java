package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
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

    private final Responses responses;
    private final HttpMetrics metrics;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    private HttpRequest request;
    private boolean closing;

    /** A response that may still be waiting for its delay. */
    private static final class Slot {
        ByteBuf[] parts;
        boolean close;
    }

    HttpBenchHandler(Responses responses, HttpMetrics metrics) {
        this.responses = responses;
        this.metrics = metrics;
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
        int status = cause instanceof TooLongFrameException ? 431 : 400;
        enqueue(ctx, ready(new ByteBuf[] {responses.text(ctx.alloc(), status, "Bad Request\n", true, false)}, true));
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest r) {
        boolean close = !HttpUtil.isKeepAlive(r);
        boolean head = r.method() == HttpMethod.HEAD;
        String uri = r.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.equals("/")) {
            if (queue.isEmpty()) {
                ctx.write(responses.hello(close, head), ctx.voidPromise());
                if (close) {
                    closeAfterFlush(ctx);
                }
                return;
            }
            enqueue(ctx, ready(new ByteBuf[] {responses.hello(close, head)}, close));
        } else if (path.equals("/metrics")) {
            enqueue(ctx, ready(new ByteBuf[] {responses.text(ctx.alloc(), 200, metrics.text(), close, head)}, close));
        } else if (path.equals("/healthz")) {
            enqueue(ctx, ready(new ByteBuf[] {responses.health(close, head)}, close));
        } else if (path.startsWith("/bytes/")) {
            long n = number(path, "/bytes/", MAX_BYTES);
            enqueue(ctx, ready(n < 0 ? notFound(ctx, close, head) : bytes(ctx, n, close, head), close));
        } else if (path.startsWith("/status/")) {
            long code = number(path, "/status/", 599);
            enqueue(ctx, ready(code < 200 ? notFound(ctx, close, head) : status(ctx, (int) code, close), close));
        } else if (path.startsWith("/delay/")) {
            long ms = number(path, "/delay/", MAX_DELAY_MS);
            if (ms < 0) {
                enqueue(ctx, ready(notFound(ctx, close, head), close));
            } else {
                Slot slot = new Slot();
                slot.close = close;
                queue.add(slot);
                ctx.executor().schedule(() -> {
                    if (closing) {
                        return;
                    }
                    slot.parts = new ByteBuf[] {responses.hello(close, head)};
                    drain(ctx);
                    ctx.flush();
                }, ms, TimeUnit.MILLISECONDS);
            }
        } else {
            enqueue(ctx, ready(notFound(ctx, close, head), close));
        }
    }

    private ByteBuf[] notFound(ChannelHandlerContext ctx, boolean close, boolean head) {
        return new ByteBuf[] {responses.text(ctx.alloc(), 404, "Not Found\n", close, head)};
    }

    private ByteBuf[] status(ChannelHandlerContext ctx, int code, boolean close) {
        return new ByteBuf[] {responses.headOnly(ctx.alloc(), code, 0, close)};
    }

    /** The head, then the body as slices of one shared 64 KiB buffer: no copy, bounded count. */
    private ByteBuf[] bytes(ChannelHandlerContext ctx, long n, boolean close, boolean head) {
        int chunk = responses.zeros.readableBytes();
        int slices = head ? 0 : (int) ((n + chunk - 1) / chunk);
        ByteBuf[] parts = new ByteBuf[1 + slices];
        parts[0] = responses.headOnly(ctx.alloc(), 200, n, close);
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
