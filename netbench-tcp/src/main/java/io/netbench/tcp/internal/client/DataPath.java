package io.netbench.tcp.internal.client;

import io.netbench.core.LatencyRecorder;
import io.netbench.core.TcpInfo;
import io.netbench.core.internal.Aborts;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.ReadSizes;
import io.netbench.tcp.internal.protocol.Wire;
import io.netbench.tcp.internal.socket.BlockingIo;
import io.netbench.tcp.internal.socket.NativeSocket;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The client end of one test's data path, a blocking TCP connection or connected UDP socket, and
 * the measuring loop qperf runs over it: one send per message; for latency tests a ping-pong of
 * msg_size. Blocking I/O on one thread per stream, as qperf does, keeps event-loop hand-offs out
 * of the measured latency. TCP and UDP go through {@link NativeSocket} where a native transport is
 * loaded, else through the JDK's channels. {@link #stop()} from another thread ends a loop blocked
 * in I/O: that is how the test timer stops it, like qperf's alarm signal.
 */
final class DataPath implements AutoCloseable {
    private final QperfTest test;
    private final ByteChannel channel;
    /** Wakes a thread blocked in {@link #channel} from another thread without closing it under it. */
    private final Runnable interrupter;
    /** One-port TCP: the connection began with the preamble, see {@link NativeSocket#restartCongestionControl()}. */
    private final boolean preambleSent;
    private volatile boolean stopped;
    private Aborts.Registration registration;
    /** Reads the loop's counters from another thread (interval reports) without touching the loop. */
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Messages sent and received by the loop: the loop's own counters, which {@link #progress()} reads. */
    private final long[] msgs = new long[2];
    /** Bytes received by a reverse loop. */
    private final long[] received = new long[1];
    private volatile int msgSize;

    private DataPath(QperfTest test, ByteChannel channel, boolean preambleSent) {
        this.test = test;
        this.channel = channel;
        this.preambleSent = preambleSent;
        this.interrupter = channel instanceof NativeSocket stream ? stream::shutdown : this::close;
    }

    /**
     * Opens the data path: to {@code port} on the control connection's host (classic qperf), or
     * for {@link Wire#SAME_PORT} to the control connection's own address and port (one-port mode,
     * with the session's {@code token}). {@code nativeIo} sends through Netty's JNI
     * ({@link NativeSocket}) rather than the JDK. Once connected, the path is one of the run's
     * {@code connections}, which a cancel stops.
     */
    static DataPath open(QperfTest test, InetSocketAddress control, long port, String token, long sockBuf,
                         int timeoutMillis, boolean nativeIo, Aborts connections) throws QperfException {
        boolean onePort = port == Wire.SAME_PORT;
        InetSocketAddress target = onePort ? control : new InetSocketAddress(control.getAddress(), (int) port);
        DataPath data;
        try {
            data = new DataPath(test, test.isUdp() ? DataChannels.udp(target, (int) sockBuf, nativeIo)
                    : DataChannels.tcp(target, (int) sockBuf, timeoutMillis, nativeIo), onePort && !test.isUdp());
        } catch (IOException e) {
            throw couldNotConnect(test, target, e);
        }
        boolean ready = false;
        try {
            data.registration = connections.add(data::stop);
            if (onePort && token != null) {
                DataChannels.greet(data.channel, test.isUdp(), token, timeoutMillis, target.getPort());
            }
            ready = true;
            return data;
        } catch (QperfException e) {
            throw e;
        } catch (IOException e) {
            throw couldNotConnect(test, target, e);
        } finally {
            if (!ready) {
                data.close();
            }
        }
    }

    private static QperfException couldNotConnect(QperfTest test, InetSocketAddress target, IOException e) {
        return new QperfException("could not make " + (test.isUdp() ? "UDP" : "TCP") + " connection to server at "
                + NetUtil.toSocketAddressString(target) + " (" + ControlConnection.reason(e) + ")", e);
    }

    /**
     * Runs the test until {@link #stop()} or {@code deadlineNanos}; latency tests record half of
     * each round trip into {@code latency}.
     */
    Counters run(int msgSize, long deadlineNanos, LatencyRecorder.Writer latency, boolean reverse)
            throws QperfException {
        if (preambleSent && channel instanceof NativeSocket stream) {
            // a test on a fresh connection, as in classic qperf: not one that has sent a preamble
            stream.restartCongestionControl();
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(reverse ? ReadSizes.tcpBw(msgSize) : msgSize);
        this.msgSize = reverse ? 0 : msgSize;
        try {
            if (reverse) {
                receiveUntilStopped(buf, received);
            } else if (test.isBandwidth()) {
                sendUntilStopped(buf, msgs);
            } else {
                pingPongUntil(deadlineNanos, buf, msgs, latency);
            }
        } catch (ClosedChannelException e) {
            if (!stopped) {
                throw new QperfException("data connection closed by the server", e);
            }
        } catch (IOException e) {
            if (!stopped) {
                throw new QperfException("data transfer failed: " + ControlConnection.reason(e), e);
            }
        }
        if (reverse) {
            return new Counters(0, 0, received[0], received[0] / msgSize);
        }
        return new Counters(msgs[0] * msgSize, msgs[0], msgs[1] * msgSize, msgs[1]);
    }

    /** Reversed bandwidth: counts what the server sends until the timer closes the channel. */
    private void receiveUntilStopped(ByteBuffer buf, long[] received) throws IOException {
        while (!stopped) {
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                throw new ClosedChannelException();
            }
            received[0] += n;
        }
    }

    /** One send per message until the timer closes the channel; no clock read per message. */
    private void sendUntilStopped(ByteBuffer buf, long[] msgs) throws IOException {
        while (!stopped) {
            buf.clear();
            send(buf);
            msgs[0]++;
        }
    }

    private void pingPongUntil(long deadlineNanos, ByteBuffer buf, long[] msgs, LatencyRecorder.Writer latency)
            throws IOException {
        while (!stopped && System.nanoTime() < deadlineNanos) {
            long begin = System.nanoTime();
            buf.clear();
            send(buf);
            msgs[0]++;
            buf.clear();
            if (test.isUdp()) {
                if (channel.read(buf) < 0) {
                    throw new ClosedChannelException();
                }
            } else {
                if (!BlockingIo.readFully(channel, buf)) {
                    throw new ClosedChannelException();
                }
            }
            msgs[1]++;
            latency.record((System.nanoTime() - begin) / 2);
        }
    }

    private void send(ByteBuffer buf) throws IOException {
        if (test.isUdp()) {
            channel.write(buf);
        } else {
            BlockingIo.writeFully(channel, buf);
        }
    }

    /** {@return the TCP connection's TCP_INFO now, or {@code null} for UDP and the JDK's channels} */
    TcpInfo tcpInfo() {
        return !test.isUdp() && channel instanceof NativeSocket socket ? socket.tcpInfo() : null;
    }

    /**
     * The bytes a bandwidth loop has sent (received with reverse) so far, read from another thread.
     * The loop keeps its counters in these arrays as it always did (a store per message that a
     * system call follows); this reads them opaquely, so the measured loop is unchanged.
     */
    long progress() {
        int size = msgSize;
        return size == 0 ? (long) COUNTS.getOpaque(received, 0) : (long) COUNTS.getOpaque(msgs, 0) * size;
    }

    /** Stops the loop, from any thread: a loop blocked in I/O ends at once. */
    synchronized void stop() {
        stopped = true;
        if (channel.isOpen()) {
            interrupter.run();
        }
    }

    /** Releases the socket; not under a stop in progress, so its descriptor is not reused under it. */
    @Override
    public synchronized void close() {
        if (registration != null) {
            registration.close();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
