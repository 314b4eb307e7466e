package io.netbench.http.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in every HTTP connection's pipeline, what concerns the connection rather than its
 * requests: its place under the server's {@link ConnectionLimiter limit} (closed at once beyond
 * it), its counts in {@link HttpMetrics} (accepted, bytes in) and its {@link ConnectionDeadlines}
 * (idle, request head), each told of every read. What is written is counted where it is written
 * ({@link ResponseQueue#write}).
 *
 * <p>One inbound handler rather than one handler per concern, for the hot path: each event walks
 * the pipeline's contexts, and with thousands of connections each context is a cache miss of its
 * own. With the three as handlers of their own, the server spent more user CPU per request at
 * -c9000: 3.95 against 3.59 us (the real wrk against {@code --threads 1}, medians of 5 rounds
 * taking turns; nginx 2.77). Inbound only, so that a response's write, its flush and the read
 * after it go straight to the transport: at -c2000 that took user CPU per request from 2.95 to
 * 2.76 us, and req/s from 0.95 to 1.01 of nginx's (medians of 7 rounds taking turns).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionDeadlines deadlines;
    private final ConnectionLimiter limiter;
    private final HttpMetrics metrics;
    /** Counted by the limiter (within the limit or not), and so to be released when it closes. */
    private boolean counted;

    ConnectionHandler(ConnectionDeadlines deadlines, ConnectionLimiter limiter, HttpMetrics metrics) {
        this.deadlines = deadlines;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            deadlines.start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (!limiter.admit()) {
            ctx.close();
            return;
        }
        metrics.accepted();
        deadlines.start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        metrics.read(msg);
        deadlines.read(ctx);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            counted = false;
            limiter.release();
        }
        deadlines.stop();
        ctx.fireChannelInactive();
    }
}
