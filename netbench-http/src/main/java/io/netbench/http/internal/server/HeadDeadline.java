package io.netbench.http.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deadline on receiving each request head, against slowloris: it starts with the first bytes
 * of a request and ends when the head is decoded ({@link #headReceived()}); a connection still
 * short of a whole head then is closed, as nginx's {@code client_header_timeout} does. The idle
 * timeout cannot do this: a byte a second is never idle. Sits before the decoder, so it sees the
 * bytes; the handler after the decoder says when a head is complete and when its request is done.
 * Costs a clock read per request: its one timer is not moved per request, it checks on expiry
 * whether the head it watches is still incomplete and sleeps again for what is left.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {
    private final long nanos;
    /** Between requests: the next bytes start a head. */
    private boolean awaitingHead = true;
    /** When the head being received started; 0 when none is. */
    private long headStart;
    private ScheduledFuture<?> timer;

    /** @param millis the longest a request head may take to arrive; 0 for no limit */
    HeadDeadline(long millis) {
        this.nanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead && headStart == 0 && nanos > 0) {
            headStart = ctx.executor().ticker().nanoTime() | 1; // never 0
            if (timer == null) {
                arm(ctx, nanos);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void arm(ChannelHandlerContext ctx, long delay) {
        timer = ctx.executor().schedule(() -> expire(ctx), delay, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (headStart == 0) {
            return;
        }
        long left = nanos - (ctx.executor().ticker().nanoTime() - headStart);
        if (left <= 0) {
            ctx.close();
        } else {
            arm(ctx, left);
        }
    }

    /** The head of the current request has arrived whole: its body (if any) is not timed here. */
    void headReceived() {
        awaitingHead = false;
        headStart = 0;
    }

    /** The current request has been read whole: the next bytes start the next head. */
    void requestDone() {
        awaitingHead = true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelInactive();
    }
}
