package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The responses of one connection that cannot go out yet, in request order: behind a pending
 * {@code /delay}, or because the client is not reading (the channel is not writable: its outbound
 * buffer is above the high-water mark). A queued response is only a recipe, rendered when its turn
 * comes, so a client that pipelines without reading holds no response bytes in the server. The
 * connection stops reading while it is not writable or while {@link #MAX_QUEUED} responses wait,
 * and reads again once they drain; {@link #close()} cancels its timers.
 */
final class ResponseQueue {
    /** Pipelined requests a connection may have waiting before it stops reading (plus one read's worth). */
    static final int MAX_QUEUED = 1024;

    private final DelayTimers delays;
    private final HttpMetrics metrics;
    /** Allocated at the first queued response: most connections never need one. */
    private ArrayDeque<Slot> slots;
    private boolean closing;

    /** A response to come: ready once {@link #timer} is null. */
    private static final class Slot {
        final Supplier<ByteBuf[]> render;
        final boolean close;
        ScheduledFuture<?> timer;

        Slot(Supplier<ByteBuf[]> render, boolean close) {
            this.render = render;
            this.close = close;
        }
    }

    ResponseQueue(DelayTimers delays, HttpMetrics metrics) {
        this.delays = delays;
        this.metrics = metrics;
    }

    /** Writes part of a response now (without a promise), counted in the server's {@link HttpMetrics}. */
    void write(ChannelHandlerContext ctx, ByteBuf part) {
        metrics.written(part);
        ctx.write(part, ctx.voidPromise());
    }

    /** {@return whether a response may be written at once: nothing queued ahead of it, and the client reads} */
    boolean direct(ChannelHandlerContext ctx) {
        return (slots == null || slots.isEmpty()) && ctx.channel().isWritable() && !closing;
    }

    /** Whether the connection is closing: nothing more is read or answered. */
    boolean closing() {
        return closing;
    }

    /** Queues a response rendered when its turn comes; {@code close} closes the connection after it. */
    void add(ChannelHandlerContext ctx, Supplier<ByteBuf[]> render, boolean close) {
        slots().add(new Slot(render, close));
        drain(ctx);
    }

    /**
     * Queues a response that is ready after {@code millis}.
     *
     * @return false, queuing nothing, when the server's timer budget is spent
     */
    boolean addDelayed(ChannelHandlerContext ctx, long millis, Supplier<ByteBuf[]> render, boolean close) {
        Slot slot = new Slot(render, close);
        slot.timer = delays.schedule(ctx.executor(), millis, () -> {
            slot.timer = null;
            drain(ctx);
            ctx.flush();
        });
        if (slot.timer == null) {
            return false;
        }
        slots().add(slot);
        return true;
    }

    private ArrayDeque<Slot> slots() {
        if (slots == null) {
            slots = new ArrayDeque<>(4);
        }
        return slots;
    }

    /** Writes the ready responses at the head of the queue while the client reads, then says whether to read. */
    void drain(ChannelHandlerContext ctx) {
        while (slots != null && !slots.isEmpty() && slots.peek().timer == null && !closing
                && ctx.channel().isWritable()) {
            Slot slot = slots.poll();
            for (ByteBuf part : slot.render.get()) {
                write(ctx, part);
            }
            if (slot.close) {
                closeAfterFlush(ctx);
            }
        }
        readIfRoom(ctx);
    }

    /** Reads while the client reads and while few responses wait: the only bound a pipelining client meets. */
    void readIfRoom(ChannelHandlerContext ctx) {
        boolean read = !closing && ctx.channel().isWritable() && (slots == null || slots.size() < MAX_QUEUED);
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead() != read) {
            config.setAutoRead(read);
        }
    }

    /** Flushes what was written, then closes; nothing queued is answered any more. */
    void closeAfterFlush(ChannelHandlerContext ctx) {
        close();
        ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Forgets every queued response and cancels its timer, giving it back to the budget. */
    void close() {
        closing = true;
        if (slots != null) {
            for (Slot slot : slots) {
                if (slot.timer != null) {
                    delays.cancel(slot.timer);
                }
            }
            slots.clear();
        }
    }

    /** {@return responses queued now} */
    int size() {
        return slots == null ? 0 : slots.size();
    }
}
