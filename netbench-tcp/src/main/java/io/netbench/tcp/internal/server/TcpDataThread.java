package io.netbench.tcp.internal.server;

import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.ReadSizes;
import io.netbench.tcp.internal.socket.BlockingIo;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A TCP data connection on the epoll transport, served by a thread of its own (see
 * {@link DataThread}): tcp_lat reads each message of msg_size and writes it back; tcp_bw reads
 * whatever has arrived, {@link ReadSizes#tcpBw} bytes at most (woken per 4 KiB, see
 * {@link TcpDataHandler#receiveInBatches}); a reversed tcp_bw sends messages until the timer.
 */
final class TcpDataThread extends DataThread {
    private TcpDataThread(Channel channel, Session session) {
        super(channel, session);
    }

    /** Makes {@code ch}, an epoll channel on its event loop, the data connection of {@code session}. */
    static void start(Channel ch, Session session) {
        new TcpDataThread(ch, session).start();
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
        while (!session.finished && BlockingIo.readFully(socket, buf.clear())) {
            if (session.finished) {
                return;
            }
            buf.flip();
            BlockingIo.writeFully(socket, buf);
            session.counters.echoed(size, size);
        }
    }

    /** Reversed tcp_bw: from the session's start, one message after another until the timer. */
    private void send(ByteBuffer buf, int size) throws IOException, InterruptedException {
        start.await();
        while (!session.finished) {
            buf.clear();
            BlockingIo.writeFully(socket, buf);
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
