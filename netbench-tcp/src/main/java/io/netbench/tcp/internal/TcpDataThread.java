package io.netbench.tcp.internal;

import io.netbench.tcp.QperfTest;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A TCP data connection on the epoll transport, served by a thread of its own (see
 * {@link DataThread}): tcp_lat reads each message of msg_size and writes it back; tcp_bw reads
 * whatever has arrived, {@link #receiveChunk} bytes at most (woken per 4 KiB, see
 * {@link TcpDataHandler#receiveInBatches}); a reversed tcp_bw sends messages until the timer.
 */
final class TcpDataThread extends DataThread {
    private static final int SMALL_MESSAGE = 4096;
    private static final int LARGE_CHUNK = 64 * 1024;

    private TcpDataThread(Channel channel, Session session) {
        super(channel, session);
    }

    /** Makes {@code ch}, an epoll channel on its event loop, the data connection of {@code session}. */
    static void start(Channel ch, Session session) {
        new TcpDataThread(ch, session).start();
    }

    /**
     * What a tcp_bw receive of {@code msgSize} messages asks for at most: 4 KiB for messages up to
     * 4 KiB, 64 KiB above. Smaller reads release receive space, and so open the window for the
     * sender, sooner, and from the receiver's CPU. Small messages keep the sender busy with a
     * system call each, and there the reads of 4 KiB paid: a qperf client sent 8 % more 4 KiB
     * messages (17 of 20 paired runs) and 16 % more 2 KiB ones (10 of 10) than against 64 KiB
     * reads, with which this thread had used 50-60 % of a CPU, qperf's server 80 %, and the sender
     * all of one. Above 4 KiB the
     * larger reads won: reading 16 KiB messages 16 KiB at a time lost 11 %, and a C sink reading
     * 256 KiB messages whole took 2.2-2.4 GB/s against 2.9-3.3 in 16 to 64 KiB reads. The client
     * receives a reversed tcp_bw the same way.
     */
    static int receiveChunk(int msgSize) {
        return msgSize <= SMALL_MESSAGE ? SMALL_MESSAGE : LARGE_CHUNK;
    }

    @Override
    int capacity() {
        return session.test == QperfTest.TCP_LAT || session.reversed() ? session.msgSize()
                : receiveChunk(session.msgSize());
    }

    @Override
    void serve(ByteBuffer buf) throws IOException, InterruptedException {
        if (session.test == QperfTest.TCP_LAT) {
            echo(buf, session.msgSize());
        } else if (session.reversed()) {
            send(buf, session.msgSize());
        }
        receive(buf);
    }

    /** tcp_lat: each whole message back, until the timer, then to {@link #receive}. */
    private void echo(ByteBuffer buf, int size) throws IOException {
        while (!session.finished && DataPath.readFully(socket, buf.clear())) {
            if (session.finished) {
                return;
            }
            buf.flip();
            DataPath.writeFully(socket, buf);
            session.counters.echoed(size, size);
        }
    }

    /** Reversed tcp_bw: from the session's start, one message after another until the timer. */
    private void send(ByteBuffer buf, int size) throws IOException, InterruptedException {
        start.await();
        while (!session.finished) {
            buf.clear();
            DataPath.writeFully(socket, buf);
            session.counters.sent(size, 1);
        }
    }

    /** tcp_bw, and every test after its timer: counts what arrives until the timer, then drops it. */
    private void receive(ByteBuffer buf) throws IOException {
        for (int n = socket.read(buf.clear()); n >= 0; n = socket.read(buf.clear())) {
            if (!session.finished) {
                session.counters.received(n, 0);
            }
        }
    }
}
