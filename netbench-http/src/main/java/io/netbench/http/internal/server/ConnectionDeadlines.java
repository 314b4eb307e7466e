package io.netbench.http.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two deadlines of a connection, on one timer. <b>Idle</b>: closed when it has neither sent
 * anything nor taken any of its pending response bytes for the idle timeout. <b>Request head</b>,
 * against slowloris: a head must arrive whole within its deadline, counted from its first bytes
 * to {@link #headReceived()}, as nginx's {@code client_header_timeout} (a byte a second is never
 * idle). {@link HttpBenchHandler} tells it of each read, whatever it holds, when a head is
 * complete and when its request is done.
 *
 * <p>Cheap per request and per connection, unlike Netty's {@code IdleStateHandler} (a promise and
 * a listener per write): a clock read per read, and one timer per connection that is never moved;
 * on expiry it checks what happened since and sleeps again for what is left.
 */
final class ConnectionDeadlines {
    private final long idleNanos;
    private final long headNanos;
    private long lastActivity;
    private long lastPending;
    /** Between requests: the next bytes start a head. */
    private boolean awaitingHead = true;
    /** When the head being received started; 0 when none is. */
    private long headStart;
    private ScheduledFuture<?> timer;

    /**
     * @param idleMillis close after this long without reads or output progress; 0 for never
     * @param headMillis the longest a request head may take to arrive; 0 for no limit
     */
    ConnectionDeadlines(long idleMillis, long headMillis) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        this.headNanos = TimeUnit.MILLISECONDS.toNanos(headMillis);
    }

    /** Starts the clocks, once: the connection is open (later calls do nothing). */
    void start(ChannelHandlerContext ctx) {
        if (lastActivity == 0) {
            lastActivity = ctx.executor().ticker().nanoTime() | 1;
            long next = Math.min(idleNanos > 0 ? idleNanos : Long.MAX_VALUE, headTick());
            if (next != Long.MAX_VALUE) {
                arm(ctx, next);
            }
        }
    }

    /** Bytes arrived: the connection is not idle, and they may start a head. */
    void read(ChannelHandlerContext ctx) {
        long now = ctx.executor().ticker().nanoTime();
        lastActivity = now;
        if (awaitingHead && headStart == 0 && headNanos > 0) {
            headStart = now | 1; // never 0; the timer, armed since start(), ticks within headTick()
        }
    }

    private void arm(ChannelHandlerContext ctx, long delay) {
        timer = ctx.executor().schedule(() -> expire(ctx), delay, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        long now = ctx.executor().ticker().nanoTime();
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        long pending = out == null ? 0 : out.totalPendingWriteBytes();
        if (pending != lastPending) { // the client took some of its response: not idle
            lastPending = pending;
            lastActivity = now;
        }
        long idleLeft = idleNanos > 0 ? idleNanos - (now - lastActivity) : Long.MAX_VALUE;
        long headLeft = headStart != 0 ? headNanos - (now - headStart) : Long.MAX_VALUE;
        if (idleLeft <= 0 || headLeft <= 0) {
            ctx.close();
        } else if (Math.min(Math.min(idleLeft, headLeft), headTick()) != Long.MAX_VALUE) {
            arm(ctx, Math.min(Math.min(idleLeft, headLeft), headTick()));
        }
    }

    /**
     * With a head deadline, the timer fires at least every half of it: a head that starts while the
     * timer waits for the (longer) idle timeout is closed within 1.5 times its deadline, without a
     * timer per request.
     */
    private long headTick() {
        return headNanos > 0 ? Math.max(1, headNanos / 2) : Long.MAX_VALUE;
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

    /** The connection closed: the timer goes. */
    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
