package io.netbench.tcp.internal;

import io.netbench.core.internal.CpuPinning;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server end of a tcp_lat data connection on the epoll transport: a thread of its own reads
 * each message of msg_size and writes it back with blocking calls, as qperf's forked server does.
 * On an event loop every round trip would also pass through {@code epoll_wait}, one more system
 * call and a wake-up by readiness instead of by the data, and that time is inside the latency
 * being measured: a C client measured 2 us more half round trip against a Netty echo than
 * against a blocking one, and a blocking Java echo within 0.3 us of a C one.
 *
 * <p>The channel leaves its event loop for the test ({@code deregister}) and keeps owning the
 * socket. A close from anywhere (the session, the server) first shuts the socket down, which wakes
 * the thread; the thread leaves its loop and only then closes the channel, so the descriptor is
 * never closed under a blocked call. Data after the session's timer is read and dropped, neither
 * echoed nor counted, as in qperf.
 */
final class BlockingEcho extends ChannelOutboundHandlerAdapter implements Runnable {
    private final Channel channel;
    private final Session session;
    private NativeStream stream;
    /** Event loop only: whether the thread was started, and whether it is done with the socket. */
    private boolean started;
    private boolean exited;

    private BlockingEcho(Channel channel, Session session) {
        this.channel = channel;
        this.session = session;
    }

    /** Makes {@code ch}, an epoll channel on its event loop, the data connection of {@code session}. */
    static void start(Channel ch, Session session) {
        BlockingEcho echo = new BlockingEcho(ch, session);
        ch.pipeline().addLast(echo);
        ch.deregister().addListener(echo::deregistered);
    }

    private void deregistered(Future<?> done) {
        if (!channel.isOpen()) {
            return;
        }
        try {
            if (!done.isSuccess()) {
                throw new IOException(done.cause().getMessage());
            }
            stream = NativeStream.adopt(((UnixChannel) channel).fd());
        } catch (IOException e) {
            session.context.notices.accept("qperf: tcp_lat data connection of " + session.control.remoteAddress()
                    + ": " + e.getMessage());
            channel.close();
            return;
        }
        started = true;
        Thread thread = new Thread(this, "netbench-qperf-echo-" + channel.remoteAddress());
        thread.setDaemon(true);
        thread.start();
        session.dataReadyOnOwnThread(channel);
    }

    @Override
    public void run() {
        int size = session.msgSize();
        ByteBuf message = channel.alloc().directBuffer(size, size);
        try (CpuPinning.Pin pin = session.pinDataThread()) {
            ByteBuffer buf = message.nioBuffer(0, size);
            while (readMessage(buf)) {
                if (session.finished) {
                    continue;
                }
                session.receivedBytes += size;
                session.receivedMsgs++;
                buf.flip();
                while (buf.hasRemaining()) {
                    stream.write(buf);
                }
                session.sentBytes += size;
                session.sentMsgs++;
            }
        } catch (IOException e) {
            // the client went away, or a close shut the socket down: the echo is over
        } finally {
            message.release();
            exit();
        }
    }

    /** Reads one whole message into {@code buf}; false at the end of the stream. */
    private boolean readMessage(ByteBuffer buf) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if (stream.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    /** From the thread, done with the socket: the channel may now close. */
    private void exit() {
        try {
            channel.eventLoop().execute(() -> {
                exited = true;
                channel.close();
            });
        } catch (RejectedExecutionException e) {
            channel.unsafe().close(channel.unsafe().voidPromise());
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!started || exited) {
            ctx.close(promise);
            return;
        }
        stream.shutdown();
        if (!promise.isVoid()) {
            channel.closeFuture().addListener(f -> promise.trySuccess());
        }
    }
}
