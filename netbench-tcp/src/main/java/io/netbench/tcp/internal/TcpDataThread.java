package io.netbench.tcp.internal;

import io.netbench.core.internal.CpuPinning;
import io.netbench.tcp.QperfTest;
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
 * The server end of a TCP data connection on the epoll transport: a thread of its own with
 * blocking calls, as qperf's forked server has. tcp_lat reads each message of msg_size and writes
 * it back; tcp_bw reads whatever has arrived, {@value #RECEIVE_CHUNK} bytes at most (woken per
 * 4 KiB, see {@link TcpDataHandler#receiveInBatches}); a reversed tcp_bw sends messages until the
 * timer. On
 * an event loop every wake-up would also pass through {@code epoll_wait}, one more system call and
 * a wake-up by readiness rather than by the data, and for tcp_lat that is inside the latency
 * measured: a C client measured 2 us more half round trip against a Netty echo than against a C
 * blocking echo (9.4 us), and a blocking Java echo within 0.3 us of the C one.
 *
 * <p>The channel leaves its event loop for the test ({@code deregister}) and keeps owning the
 * socket. A close from anywhere (the session, the server) first shuts the socket down, which wakes
 * the thread; the thread leaves its loop and only then closes the channel, so the descriptor is
 * never closed under a blocked call. After the session's timer, data is read and dropped, neither
 * echoed nor counted, until the client closes, as in qperf.
 */
final class TcpDataThread extends ChannelDuplexHandler implements Runnable {
    /**
     * What a tcp_bw receive asks for at most. Smaller reads release receive space, and so open the
     * window for the sender, sooner: a C sink reading 256 KiB at a time took 2.2-2.4 GB/s of 256 KiB
     * messages from one C sender, reading 16 to 64 KiB 2.9-3.3, qperf's way (the rest of each
     * message) 2.8-2.9; at 4 KiB messages the size made no difference. The client receives a
     * reversed tcp_bw the same way.
     */
    static final int RECEIVE_CHUNK = 64 * 1024;
    private final Channel channel;
    private final Session session;
    /** Counted down when a reversed test starts sending, or when the connection closes first. */
    private final CountDownLatch start = new CountDownLatch(1);
    private NativeStream stream;
    /** Event loop only: whether the thread was started, and whether it is done with the socket. */
    private boolean started;
    private boolean exited;

    private TcpDataThread(Channel channel, Session session) {
        this.channel = channel;
        this.session = session;
    }

    /** Makes {@code ch}, an epoll channel on its event loop, the data connection of {@code session}. */
    static void start(Channel ch, Session session) {
        TcpDataThread data = new TcpDataThread(ch, session);
        ch.pipeline().addLast(data);
        ch.deregister().addListener(data::deregistered);
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
            session.context.notices.accept("qperf: " + session.test.qperfName() + " data connection of "
                    + session.control.remoteAddress() + ": " + e.getMessage());
            channel.close();
            return;
        }
        started = true;
        Thread thread = new Thread(this, "netbench-qperf-data-" + channel.remoteAddress());
        thread.setDaemon(true);
        thread.start();
        session.dataReadyOnOwnThread(channel);
    }

    @Override
    public void run() {
        int size = session.msgSize();
        int capacity = session.test == QperfTest.TCP_LAT || session.reversed() ? size : RECEIVE_CHUNK;
        ByteBuf memory = channel.alloc().directBuffer(capacity, capacity);
        try (CpuPinning.Pin pin = session.pinDataThread()) {
            ByteBuffer buf = memory.nioBuffer(0, capacity);
            if (session.test == QperfTest.TCP_LAT) {
                echo(buf, size);
            } else if (session.reversed()) {
                send(buf, size);
            }
            receive(buf);
        } catch (IOException | InterruptedException e) {
            // the client went away, or a close shut the socket down: the test is over
        } finally {
            memory.release();
            exit();
        }
    }

    /** tcp_lat: each whole message back, until the timer, then to {@link #receive}. */
    private void echo(ByteBuffer buf, int size) throws IOException {
        while (!session.finished && DataPath.readFully(stream, buf.clear())) {
            if (session.finished) {
                return;
            }
            session.receivedBytes += size;
            session.receivedMsgs++;
            buf.flip();
            DataPath.writeFully(stream, buf);
            session.sentBytes += size;
            session.sentMsgs++;
        }
    }

    /** Reversed tcp_bw: from the session's start, one message after another until the timer. */
    private void send(ByteBuffer buf, int size) throws IOException, InterruptedException {
        start.await();
        while (!session.finished) {
            buf.clear();
            DataPath.writeFully(stream, buf);
            session.sentBytes += size;
            session.sentMsgs++;
        }
    }

    /** tcp_bw, and every test after its timer: counts what arrives until the timer, then drops it. */
    private void receive(ByteBuffer buf) throws IOException {
        for (int n = stream.read(buf.clear()); n >= 0; n = stream.read(buf.clear())) {
            if (!session.finished) {
                session.receivedBytes += n;
            }
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
        stream.shutdown();
        if (!promise.isVoid()) {
            channel.closeFuture().addListener(f -> promise.trySuccess());
        }
    }
}
