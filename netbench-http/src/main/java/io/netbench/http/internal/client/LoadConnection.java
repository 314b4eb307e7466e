package io.netbench.http.internal.client;

import io.netbench.core.TcpInfo;
import io.netbench.core.internal.TcpSockets;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One load connection, reconnected when it fails or the server closes it. Closed loop (wrk): the
 * next request goes out when the previous one (or pipelined batch) completes. Constant rate
 * (wrk2): sends follow a fixed schedule of intended times, and latency is measured from the
 * intended time, so a stalled server shows up in the percentiles instead of slowing the schedule.
 * Sharable only so the same object can serve each successive channel of this connection.
 *
 * <p>A failure is counted once, by the step that failed, as wrk counts it: the connection (TCP, and
 * the TLS handshake, before which nothing is sent) is {@code connect} (counted by the worker for
 * TCP), a send whose write future failed is {@code write}, and a failure or an unexpected close
 * while a response is due, or a response that does not parse, is {@code read}.
 */
@Sharable
final class LoadConnection extends ChannelInboundHandlerAdapter implements ResponseParser.Listener {
    private final LoadWorker worker;
    private final LoadPlan plan;
    /** Counts a send whose write failed: one write error per failed send. */
    private final ChannelFutureListener onWritten = this::written;
    private ResponseParser parser;
    private Channel channel;
    private int pending;
    private long sentAt;
    private long intendedAt;
    private long nextIntended;
    private boolean expectedClose;
    /** The outstanding request was already counted as a timeout. */
    private boolean timedOut;

    LoadConnection(LoadWorker worker, LoadPlan plan) {
        this.worker = worker;
        this.plan = plan;
    }

    /** {@return the current connection's TCP_INFO, or {@code null} when not connected or not readable} */
    TcpInfo tcpInfo() {
        return channel != null && channel.isActive() ? TcpSockets.info(channel) : null;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        parser = new ResponseParser(plan.headRequests(), worker.source.wantsResponse());
        pending = 0;
        expectedClose = false;
        if (plan.intervalNanos() > 0 && nextIntended == 0) {
            nextIntended = System.nanoTime() + ThreadLocalRandom.current().nextLong(plan.intervalNanos());
        }
        if (plan.ssl() == null) {
            sendNext();
        }
    }

    /** The TLS handshake ended: the connection is made, or it failed (a connect error, as in wrk). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                sendNext();
            } else {
                if (!expectedClose && worker.counting) {
                    worker.stats.connectErrors++;
                }
                expectedClose = true;
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void sendNext() {
        if (worker.stopping) {
            return;
        }
        if (plan.intervalNanos() > 0) {
            long wait = nextIntended - System.nanoTime();
            if (wait > 0) {
                Channel current = channel;
                channel.eventLoop().schedule(() -> {
                    if (current == channel && current.isActive() && pending == 0) {
                        send();
                    }
                }, wait, TimeUnit.NANOSECONDS);
                return;
            }
        }
        send();
    }

    private void send() {
        if (worker.stopping) {
            return;
        }
        long now = System.nanoTime();
        if (plan.intervalNanos() > 0) {
            intendedAt = nextIntended;
            nextIntended += plan.intervalNanos() * worker.source.pipeline();
        } else {
            intendedAt = now;
        }
        sentAt = now;
        timedOut = false;
        pending = worker.source.pipeline();
        channel.writeAndFlush(worker.source.next()).addListener(onWritten);
    }

    /**
     * A send that failed is a write error, unless the channel had closed before it could be sent:
     * then what failed was the read that saw the close, and {@link #channelInactive} counts it.
     */
    private void written(ChannelFuture write) {
        if (!write.isSuccess() && !(write.cause() instanceof ClosedChannelException) && write.channel() == channel
                && !expectedClose) {
            if (worker.counting) {
                worker.stats.writeErrors++;
            }
            expectedClose = true;
            write.channel().close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (worker.counting) {
                worker.stats.bytes += in.readableBytes();
            }
            if (!parser.parse(in, this)) {
                failRead(ctx);
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void onResponse(int status, boolean keepAlive) {
        LoadStats stats = worker.stats;
        if (worker.counting) {
            stats.requests++;
            worker.sampleRequests++;
            stats.statuses[status]++;
            if (status > 399) {
                stats.statusErrors++;
            }
        }
        if (worker.source.wantsResponse()) {
            worker.source.response(status, parser.headers(), parser.body());
        }
        if (--pending == 0) {
            if (worker.counting && !timedOut) {
                long now = System.nanoTime();
                stats.uncorrected.record(now - sentAt);
                if (plan.intervalNanos() > 0) {
                    stats.latency.record(now - intendedAt);
                }
            }
            long delay = worker.source.delayMillis();
            if (keepAlive && delay > 0) {
                Channel current = channel;
                channel.eventLoop().schedule(() -> {
                    if (current == channel && current.isActive()) {
                        sendNext();
                    }
                }, delay, TimeUnit.MILLISECONDS);
            } else if (keepAlive) {
                sendNext();
            }
        }
        if (!keepAlive) {
            expectedClose = true;
            channel.close();
        }
    }

    /**
     * Counts a timeout once when the outstanding request is older than the timeout. Like wrk, the
     * connection is kept: the late response still completes, but its latency is not recorded.
     */
    void checkTimeout(long now) {
        if (!timedOut && pending > 0 && channel != null && channel.isActive() && now - sentAt > plan.timeoutNanos()) {
            timedOut = true;
            if (worker.counting) {
                worker.stats.timeouts++;
            }
        }
    }

    void close() {
        if (channel != null) {
            expectedClose = true;
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean completed = parser.onClose(this);
        if (!expectedClose && (pending > 0 || !completed) && worker.counting) {
            worker.stats.readErrors++;
        }
        worker.reconnect(this);
    }

    /** A failure on the inbound side: the socket's read, or the TLS layer's decoding of what was read. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failRead(ctx);
    }

    private void failRead(ChannelHandlerContext ctx) {
        if (!expectedClose && worker.counting) {
            worker.stats.readErrors++;
        }
        expectedClose = true;
        ctx.close();
    }
}
