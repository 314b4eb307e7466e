package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one handler of an HTTP benchmark connection: Netty's request decoder (inherited, header
 * validation off, bounded line and header sizes), which answers each request as it is decoded
 * instead of passing it down the pipeline, and which also keeps the connection's accounts: its
 * place under the server's {@link ConnectionLimiter limit} (closed at once beyond it), its counts
 * in {@link HttpMetrics} (accepted, bytes in; what is written is counted by {@link ResponseQueue#write})
 * and its {@link ConnectionDeadlines} (idle, request head), told of every read.
 *
 * <p>Responses are written as pre-encoded bytes without a promise and flushed once per read batch,
 * so pipelined requests go out in one write. A response waits in the {@link ResponseQueue} only
 * behind a pending {@code /delay} or while the client does not read, which keeps pipelined
 * responses in request order and the server's memory bounded. Request bodies (Content-Length or
 * chunked) are read and dropped; the response goes out when the request has been read whole.
 * Versions other than HTTP/1.x get 505, NUL bytes in the request line or headers 400.
 *
 * <p>One handler rather than one per concern, for the hot path: each event walks the pipeline's
 * contexts, and with thousands of connections each context is a cache miss of its own (a profile
 * at -c2000 put about a quarter of its user time in finding and entering the next context). With
 * the connection's concerns as three handlers of their own, the server spent more user CPU per
 * request at -c9000: 3.95 against 3.59 us as one (the real wrk against {@code --threads 1},
 * medians of 5 rounds taking turns; nginx 2.77); with them as one inbound-only handler, user CPU
 * per request at -c2000 went from 2.95 to 2.76 us, req/s from 0.95 to 1.01 of nginx's (medians of
 * 7 rounds). The decoder itself, answering in place, for the same reason: see the README.
 *
 * <p>The admin port's connections have this handler too, answering {@code /healthz} alone
 * ({@link Endpoints#admin}): with a pipeline of other classes, each early probe sent Netty code
 * that the warm-up had compiled for this handler alone back to be compiled again (see
 * {@code AdminServer}).
 */
final class HttpBenchHandler extends HttpRequestDecoder {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Responses responses;
    private final ResponseQueue queue;
    private final ConnectionDeadlines deadline;
    private final ConnectionLimiter limiter;
    private final HttpMetrics metrics;
    /** On the admin port, whether the server is ready; {@code null} on a benchmark port. */
    private final BooleanSupplier adminReady;
    private HttpRequest request;
    /** Counted by the limiter (within the limit or not), and so to be released when it closes. */
    private boolean counted;

    /**
     * @param decoder the request decoder's limits
     * @param responses the server's pre-encoded responses
     * @param delays the server's {@code /delay} timer budget
     * @param deadline this connection's idle and request-head deadlines
     * @param limiter the server's connection limit
     * @param metrics the server's HTTP counts
     * @param adminReady on the admin port, whether the server is ready; {@code null} on a benchmark port
     */
    HttpBenchHandler(HttpDecoderConfig decoder, Responses responses, DelayTimers delays, ConnectionDeadlines deadline,
                     ConnectionLimiter limiter, HttpMetrics metrics, BooleanSupplier adminReady) {
        super(decoder);
        this.adminReady = adminReady;
        this.metrics = metrics;
        this.responses = responses;
        this.queue = new ResponseQueue(delays, metrics);
        this.deadline = deadline;
        this.limiter = limiter;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            deadline.start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counted = true;
        if (!limiter.admit()) {
            ctx.close();
            return;
        }
        metrics.accepted();
        deadline.start(ctx);
        super.channelActive(ctx);
    }

    /** Bytes in: counted and timed, then decoded; each decoded part is {@link #decode answered} at once. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        metrics.read(msg);
        deadline.read(ctx);
        super.channelRead(ctx, msg);
    }

    /** Decodes what was read, and answers each part at once instead of passing it down the pipeline. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decode(ctx, in, out);
        answer(ctx, out);
    }

    /** The input ended (the client shut down its side, or closed): the rest is answered too, if still open. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        answer(ctx, out);
    }

    private void answer(ChannelHandlerContext ctx, List<Object> decoded) {
        for (int i = 0; i < decoded.size(); i++) {
            answer(ctx, decoded.get(i));
        }
        decoded.clear();
    }

    private void answer(ChannelHandlerContext ctx, Object msg) {
        try {
            if (queue.closing()) {
                return;
            }
            if (msg instanceof HttpRequest r) {
                deadline.headReceived();
                if (r.decoderResult().isFailure()) {
                    refuse(ctx, RequestChecks.failure(r.decoderResult()));
                    return;
                }
                if (!acceptable(ctx, r)) {
                    return;
                }
                request = r;
            }
            if (msg instanceof LastHttpContent last && request != null) {
                if (last.decoderResult().isFailure()) {
                    refuse(ctx, RequestChecks.failure(last.decoderResult()));
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
     * Refuses what {@link RequestChecks#refusal} refuses; queues {@code 100 Continue} for an HTTP/1.1 request
     * that expects it (flushed with this read batch, so the client sends its body at once instead of after its
     * own timeout, 1 s for curl).
     *
     * @return whether the request goes on
     */
    private boolean acceptable(ChannelHandlerContext ctx, HttpRequest r) {
        String expect = r.headers().get(HttpHeaderNames.EXPECT);
        int refusal = RequestChecks.refusal(r, expect);
        if (refusal != 0) {
            refuse(ctx, refusal);
            return false;
        }
        if (expect != null && r.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            emit(ctx, () -> new ByteBuf[] {Unpooled.wrappedBuffer(CONTINUE)}, false);
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
        if (adminReady != null) {
            emit(ctx, Endpoints.admin(responses, ctx.alloc(), path, r.method(), adminReady.getAsBoolean(), persistence,
                    head), close);
            return;
        }
        if (path.equals("/") && queue.direct(ctx)) { // the hot path: no recipe, no queue
            queue.write(ctx, responses.hello(persistence, head));
            if (close) {
                queue.closeAfterFlush(ctx);
            }
            return;
        }
        long ms = path.startsWith("/delay/") ? RequestChecks.number(path, "/delay/", RequestChecks.MAX_DELAY_MS) : -1;
        if (ms >= 0) {
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

    /**
     * The read batch is over: its responses go out in one flush. Not the decoder's own, which reads
     * again after a batch that held no whole request even while reading is off (for handlers that
     * read on demand): here reading is off only while the client does not read, and stays off.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        discardSomeReadBytes();
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
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (counted) {
            counted = false;
            limiter.release();
        }
        deadline.stop();
        queue.close();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
