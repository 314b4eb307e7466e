package io.netbench.tcp.internal.server;

import io.netbench.core.OutOfMemory;
import io.netbench.core.internal.LibC;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.ReadSizes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;

/**
 * The server end of a TCP data connection on an event loop (NIO and io_uring; epoll has
 * {@link TcpDataThread}): counts what arrives; for {@code tcp_lat} echoes one message of msg_size
 * for each one received, flushing once per read batch; for a reversed tcp_bw sends. Counting stops
 * when the session's timer has fired, as in qperf. When the client shuts the connection down (maybe
 * just before this end's timer), the session reads its TCP_INFO before the channel closes, as a
 * data thread does (io_uring; NIO has none).
 */
final class TcpDataHandler extends ChannelInboundHandlerAdapter {
    /** Fired by the session when a reversed tcp_bw starts: the server sends until the timer. */
    static final Object START_SENDING = new Object();
    private static final int ROUNDS_PER_TURN = 16;
    private static final int MAX_READ = 1 << 20;
    private static final int RECEIVE_LOW_WATERMARK = 4096;

    private final Session session;
    private boolean sending;
    private final boolean echo;
    private long partial;

    private TcpDataHandler(Session session) {
        this.session = session;
        this.echo = session.test.isLatency();
    }

    /**
     * Makes {@code ch} the data connection of {@code session}: served by a {@link TcpDataThread} on
     * epoll, else by this handler on the channel's event loop. It keeps Netty's {@code TCP_NODELAY}
     * although qperf's server has Nagle on: with Nagle, a qperf client measured large tcp_lat
     * messages slower.
     */
    static void configure(Channel ch, Session session) {
        long buf = session.request.sockBufSize();
        if (buf > 0) {
            ch.config().setOption(ChannelOption.SO_SNDBUF, (int) buf);
            ch.config().setOption(ChannelOption.SO_RCVBUF, (int) buf);
        }
        if (session.test == QperfTest.TCP_BW && !session.reversed() && ch instanceof UnixChannel unix) {
            receiveInBatches(unix, session);
        }
        if (session.context.dataThreads()) {
            TcpDataThread.start(ch, session);
            return;
        }
        int read = readSize(session.msgSize());
        ch.config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, read, read));
        ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true); // the client's end: see userEventTriggered
        ch.pipeline().addLast(new TcpDataHandler(session));
        session.dataReady(ch);
    }

    /**
     * How much a receiver reads at once: whole messages, from 64 KiB (the default allocator starts
     * at 2 KiB) to 1 MiB. Not the 4 KiB reads of the epoll threads ({@link ReadSizes#tcpBw}): on
     * an event loop they cost a qperf client much of its tcp_bw of 4 KiB messages, for a small gain
     * at the smallest ones.
     */
    static int readSize(int msgSize) {
        return Math.max(64 * 1024, Math.min(msgSize, MAX_READ));
    }

    /**
     * A tcp_bw receiver only counts what arrives, so it asks the kernel to wake it once
     * {@value #RECEIVE_LOW_WATERMARK} bytes are queued rather than for every segment
     * ({@code SO_RCVLOWAT}; native transports). A small-message sender on the same machine then does
     * not pay for a wake-up in its send calls per segment, as it did without it; qperf's own
     * receiver, reading msg_size at a time, rarely sleeps, for the same effect. The kernel caps the
     * mark at half a locked receive buffer: a small {@code -sb} cannot stall the stream.
     */
    static void receiveInBatches(UnixChannel channel, Session session) {
        try {
            LibC.setReceiveLowWatermark(channel.fd().intValue(), RECEIVE_LOW_WATERMARK);
        } catch (IOException e) {
            session.context.notices.accept("qperf: " + e.getMessage() + " (tcp_bw receives with more wake-ups)");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        int n = in.readableBytes();
        in.release();
        if (session.finished) {
            return;
        }
        session.counters.received(n, 0);
        if (echo) {
            int size = session.msgSize();
            partial += n;
            while (partial >= size) {
                partial -= size;
                ctx.write(session.echo().retainedDuplicate(), ctx.voidPromise());
                session.counters.echoed(0, size);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == START_SENDING) {
            sending = true;
            send(ctx);
        } else if (evt instanceof ChannelInputShutdownEvent) {
            session.dataEnding();
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (sending && ctx.channel().isWritable()) {
            send(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * Writes messages while the channel takes them, a bounded number of rounds per turn so the
     * event loop serves others too; writability (or the next turn) resumes it.
     */
    private void send(ChannelHandlerContext ctx) {
        int size = session.msgSize();
        for (int round = 0; round < ROUNDS_PER_TURN && ctx.channel().isWritable(); round++) {
            while (ctx.channel().isWritable() && !session.finished) {
                ctx.write(session.echo().retainedDuplicate(), ctx.voidPromise());
                session.counters.sent(size, 1);
            }
            ctx.flush();
            if (session.finished) {
                sending = false;
                return;
            }
        }
        if (ctx.channel().isWritable()) {
            ctx.executor().execute(() -> send(ctx));
        }
    }

    /**
     * A read buffer that cannot be allocated ends the test with an error to the client; anything
     * else, the connection; a fatal error goes on to the process (see {@link OutOfMemory}).
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof OutOfMemoryError oom && OutOfMemory.isDirect(oom)) {
            session.outOfMemory(readSize(session.msgSize()), oom);
        }
        ctx.close();
        if (OutOfMemory.isFatal(cause)) {
            ctx.fireExceptionCaught(cause);
        }
    }
}
