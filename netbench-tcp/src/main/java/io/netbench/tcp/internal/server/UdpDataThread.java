package io.netbench.tcp.internal.server;

import io.netbench.tcp.internal.protocol.Wire;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP data socket on the epoll transport, served by a thread of its own (see {@link DataThread}):
 * counts each datagram until the timer and, for udp_lat, sends msg_size bytes back for each.
 * Against an event loop, a qperf client measured udp_lat well above qperf's own server; against
 * this thread, as qperf's.
 *
 * <p>A classic data port (a real qperf client) learns its peer from the first datagram and then
 * connects to it, so that every later call is a plain {@code recv()} or {@code send()}. A one-port
 * session's socket is bound to the listen port and connected to the client before the hello is
 * acknowledged (see {@link UdpPortHandler}): the kernel then delivers that client's datagrams to it
 * rather than to the shared listen socket. A hello repeated because its acknowledgement was lost
 * arrives here, and is acknowledged again.
 */
final class UdpDataThread extends DataThread {
    private final boolean connected;

    private UdpDataThread(Channel channel, Session session, boolean connected) {
        super(channel, session);
        this.connected = connected;
    }

    /**
     * Makes {@code ch}, an epoll datagram channel on its event loop, the data socket of
     * {@code session}; {@code connected} when it is already connected to the client.
     */
    static void start(Channel ch, Session session, boolean connected) {
        new UdpDataThread(ch, session, connected).start();
    }

    @Override
    void serve(ByteBuffer buf) throws IOException {
        if (!connected) {
            InetSocketAddress peer = socket.receiveFrom(buf.clear());
            if (peer == null) {
                return;
            }
            socket.connect(peer);
            datagram(buf);
        }
        while (socket.read(buf.clear()) >= 0) {
            datagram(buf);
        }
    }

    /** One datagram, the first {@code buf.position()} bytes of {@code buf}. */
    private void datagram(ByteBuffer buf) throws IOException {
        int length = buf.flip().remaining();
        if (session.finished) {
            return;
        }
        if (connected && Wire.isUdpHello(buf)) {
            socket.write(ByteBuffer.wrap(Wire.UDP_ACK));
            return;
        }
        if (session.test.isLatency()) {
            socket.write(buf.clear().limit(session.msgSize()));
            session.counters.echoed(length, session.msgSize());
        } else {
            session.counters.received(length, 1);
        }
    }
}
