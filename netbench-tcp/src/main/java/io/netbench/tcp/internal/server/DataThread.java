package io.netbench.tcp.internal.server;

import io.netbench.core.internal.CpuPinning;
import io.netbench.tcp.internal.socket.NativeSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server end of a data path on the epoll transport, served by a thread of its own with
 * blocking calls, as qperf's forked server has ({@link TcpDataThread}, {@link UdpDataThread}). On
 * an event loop every wake-up would also pass through {@code epoll_wait}, one more system call and
 * a wake-up by readiness rather than by the data, and for the latency tests that is inside the
 * latency measured: a C client measured a Netty echo microseconds slower than a C blocking echo,
 * and a blocking Java echo as fast as the C one.
 *
 * <p>The channel leaves its event loop for the test ({@code deregister}) and keeps owning the
 * socket. A close from anywhere (the session, the server) first shuts the socket down, which wakes
 * the thread; the thread leaves its loop and only then closes the channel, so the descriptor is
 * never closed under a blocked call. After the session's timer, data is read and dropped, neither
 * echoed nor counted, until the client closes, as in qperf.
 */
abstract class DataThread extends ChannelDuplexHandler implements Runnable {
    final Channel channel;
    final Session session;
    /** Counted down when a reversed test starts sending, or when the connection closes first. */
    final CountDownLatch start = new CountDownLatch(1);
    NativeSocket socket;
    /** Event loop only: whether the thread was started, and whether it is done with the socket. */
    private boolean started;
    private boolean exited;

    DataThread(Channel channel, Session session) {
        this.channel = channel;
        this.session = session;
    }

    /** Hands the channel, an epoll channel on its event loop, to this thread. */
    final void start() {
        channel.pipeline().addLast(this);
        channel.deregister().addListener(this::deregistered);
    }

    /** The test's loop: returns, or throws, when the socket has been shut down or the peer has gone. */
    abstract void serve(ByteBuffer buf) throws IOException, InterruptedException;

    private void deregistered(Future<?> done) {
        if (!channel.isOpen()) {
            return;
        }
        try {
            if (!done.isSuccess()) {
                throw new IOException(done.cause().getMessage());
            }
            socket = NativeSocket.adopt(((UnixChannel) channel).fd());
        } catch (IOException e) {
            session.context.notices.accept("qperf: " + session.test.qperfName() + " data socket of "
                    + session.control.remoteAddress() + ": " + e.getMessage());
            channel.close();
            return;
        }
        started = true;
        Thread thread = new Thread(this, "netbench-qperf-data-" + session.control.remoteAddress());
        thread.setDaemon(true);
        thread.start();
        session.dataReadyOnOwnThread(channel);
    }

    /** Serves the test with a buffer of the session's {@link Session#bufferBytes()}; if that cannot be allocated, fails it. */
    @Override
    public final void run() {
        int capacity = (int) session.bufferBytes();
        ByteBuf memory;
        try {
            memory = channel.alloc().directBuffer(capacity, capacity);
        } catch (OutOfMemoryError e) {
            session.outOfMemory(capacity, e);
            exit();
            return;
        }
        try (CpuPinning.Pin pin = session.pinDataThread()) {
            serve(memory.nioBuffer(0, capacity));
        } catch (IOException | InterruptedException e) {
            // the client went away, or a close shut the socket down: the test is over
        } finally {
            memory.release();
            session.dataEnding();
            exit();
        }
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
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == TcpDataHandler.START_SENDING) {
            start.countDown();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!started || exited) {
            ctx.close(promise);
            return;
        }
        start.countDown();
        socket.shutdown();
        if (!promise.isVoid()) {
            channel.closeFuture().addListener(f -> promise.trySuccess());
        }
    }
}
