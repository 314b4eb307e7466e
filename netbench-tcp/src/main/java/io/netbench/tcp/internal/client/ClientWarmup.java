package io.netbench.tcp.internal.client;

import io.netbench.core.LatencyRecorder;
import io.netbench.core.internal.Aborts;
import io.netbench.core.internal.Async;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.socket.BlockingIo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a qperf test's measuring loop for a while against a peer in this process on loopback, so
 * that the JIT has compiled it before the measured test runs through it: a cold JVM runs its
 * first test partly in the interpreter. The loop, the socket calls and the histogram are the
 * test's own; the peer is a plain blocking JDK socket on one thread, which echoes each message
 * for latency tests, drops what arrives for bandwidth tests and sends for a reversed one. The
 * server sees none of it.
 */
final class ClientWarmup {
    private ClientWarmup() {
    }

    /**
     * Drives {@code test}'s loop with {@code msgSize} messages for {@code time}; {@code reverse}:
     * the peer sends. The loop's data path is one of the run's {@code connections}.
     */
    static void run(QperfTest test, int msgSize, Duration time, boolean nativeIo, boolean reverse,
                    Aborts connections) throws QperfException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (NetworkChannel peer = test.isUdp() ? DatagramChannel.open() : ServerSocketChannel.open()) {
            peer.bind(new InetSocketAddress(loopback, 0));
            int port = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            CompletableFuture<Void> served = Async.start("netbench-qperf-warmup",
                    () -> serve(peer, test, msgSize, reverse));
            try (DataPath data = DataPath.open(test, new InetSocketAddress(loopback, port), port, null, 0, 2000,
                    nativeIo, connections)) {
                long deadline = System.nanoTime() + time.toNanos();
                StopTimer timer = new StopTimer("netbench-qperf-warmup-timer", data, 0, deadline, false);
                try {
                    data.run(msgSize, deadline, new LatencyRecorder().newWriter(), reverse);
                } finally {
                    timer.cancel();
                }
            } finally {
                peer.close();
                served.join();
            }
        } catch (IOException e) {
            throw new QperfException("JIT warm-up on loopback failed: " + e.getMessage(), e);
        }
    }

    /** The peer's loop, until the client closes or the channel is closed under it. */
    private static Void serve(NetworkChannel peer, QperfTest test, int msgSize, boolean reverse) {
        ByteBuffer buf = ByteBuffer.allocateDirect(msgSize);
        try {
            if (peer instanceof DatagramChannel udp) {
                while (true) {
                    buf.clear();
                    var from = udp.receive(buf);
                    if (test.isLatency()) {
                        udp.send(buf.flip(), from);
                    }
                }
            }
            try (SocketChannel tcp = ((ServerSocketChannel) peer).accept()) {
                while (reverse) {
                    tcp.write(buf.clear());
                }
                while (BlockingIo.readFully(tcp, buf.clear())) {
                    if (test.isLatency()) {
                        BlockingIo.writeFully(tcp, buf.flip());
                    }
                }
            }
        } catch (IOException e) {
            // the warm-up is over
        }
        return null;
    }
}
