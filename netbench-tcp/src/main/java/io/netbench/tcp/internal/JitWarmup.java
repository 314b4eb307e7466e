package io.netbench.tcp.internal;

import io.netbench.core.LatencyRecorder;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Async;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs qperf tests for a while against a peer in this process on loopback, so that the JIT has
 * compiled their hot paths before a measured test runs through them. A cold JVM runs its first
 * test partly in the interpreter: the first 1-byte tcp_bw of a run sent 5 % less than the same
 * test right after it, and the real qperf's first tcp_lat against a fresh server measured high.
 *
 * <p>{@link #run} warms a client: the test's measuring loop (the loop, the socket calls, the
 * histogram) against a plain blocking JDK socket on one thread, which echoes each message for
 * latency tests, drops what arrives for bandwidth tests and sends for a reversed one; the server
 * sees none of it. {@link #server} warms a server: a {@link QperfServer} of its own on a loopback
 * port, with netbench clients running every socket test through the one-port path at once.
 */
public final class JitWarmup {
    private JitWarmup() {
    }

    /** Drives {@code test}'s loop with {@code msgSize} messages for {@code time}; {@code reverse}: the peer sends. */
    public static void run(QperfTest test, int msgSize, Duration time, boolean nativeIo, boolean reverse)
            throws QperfException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (NetworkChannel peer = test.isUdp() ? DatagramChannel.open() : ServerSocketChannel.open()) {
            peer.bind(new InetSocketAddress(loopback, 0));
            int port = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            CompletableFuture<Void> served = Async.start("netbench-qperf-warmup",
                    () -> serve(peer, test, msgSize, reverse));
            try (DataPath data = DataPath.open(test, new InetSocketAddress(loopback, port), port, null, 0, 2000,
                    nativeIo)) {
                long deadline = System.nanoTime() + time.toNanos();
                CompletableFuture<Void> timer = Async.start("netbench-qperf-warmup-timer", () -> {
                    TimeUnit.NANOSECONDS.sleep(time.toNanos());
                    data.stop();
                    return null;
                });
                data.run(msgSize, deadline, new LatencyRecorder().newWriter(), reverse);
                timer.join();
            } finally {
                peer.close();
                served.join();
            }
        } catch (IOException e) {
            throw new QperfException("JIT warm-up on loopback failed: " + e.getMessage(), e);
        }
    }

    /**
     * Serves tcp_bw, tcp_lat, udp_bw and udp_lat, all at once, in rounds of a second (qperf's
     * unit) for {@code time} (at least one round), from a server with this transport and number
     * of event loops on a loopback port to netbench clients in this process. Each test's server
     * side is one small loop, compiled within the first round; the second one runs after the
     * first's connections closed, as a benchmark's second test does.
     */
    public static void server(TransportType transport, int threads, Duration time) throws QperfException {
        long rounds = Math.max(1, (time.toMillis() + 500) / 1000);
        try (QperfServer server = QperfServer.builder().bindAddress(InetAddress.getLoopbackAddress().getHostAddress())
                .port(0).transport(transport).threads(threads).build()) {
            for (long i = 0; i < rounds; i++) {
                List<CompletableFuture<QperfResult>> tests = new ArrayList<>();
                for (QperfTest test : QperfTest.values()) {
                    if (test.isSocketTest()) {
                        tests.add(QperfClient.to(server.localAddress().getHostString(), server.port()).test(test)
                                .time(Duration.ofSeconds(1)).transport(transport).start());
                    }
                }
                tests.forEach(CompletableFuture::join);
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof QperfException q ? q
                    : new QperfException("JIT warm-up on loopback failed: " + e.getCause(), e.getCause());
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
                while (DataPath.readFully(tcp, buf.clear())) {
                    if (test.isLatency()) {
                        DataPath.writeFully(tcp, buf.flip());
                    }
                }
            }
        } catch (IOException e) {
            // the warm-up is over
        }
        return null;
    }
}
