package io.netbench.tcp.internal.server;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.NetCounters;
import io.netbench.core.TcpInfo;
import io.netbench.core.internal.CpuPinning;
import io.netbench.core.internal.NetSampler;
import io.netbench.core.internal.TcpSockets;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.CountersFrame;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.QperfStat;
import io.netbench.tcp.internal.protocol.ReadSizes;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One socket test on the server: the control connection, the data path (a TCP connection, a UDP
 * socket, or a UDP peer on the shared listen port), the test timer, and the counters that become
 * qperf's STAT.
 *
 * <p>Threading: control-side state (sync flags) is touched on the control channel's event loop;
 * the timer on the data path's event loop ({@link #dataLoop}). The data path runs there too, or
 * on a {@link DataThread} of its own, which is why {@link #finished} is volatile and the
 * {@link SessionCounters} are locked. Hand-offs between the loops go through {@code execute}.
 */
final class Session {
    final QperfRequest request;
    final QperfTest test;
    final Channel control;
    final ServerContext context;
    final String token;

    private boolean clientSynced;
    private boolean dataReady;
    private boolean started;
    private Channel dataChannel;
    private Channel dataListener;
    /** The data path is the listen port's UDP socket, shared by all one-port sessions: never closed here. */
    private volatile boolean sharedPort;
    private EventLoop dataLoop;
    private ScheduledFuture<?> timer;
    private CpuSnapshot startCpu;
    /** The network counters around the test, for a client that asks for them; data loop only. */
    private NetSampler netSampler;
    /** The TCP_INFO a data thread took as its connection ended before the timer (a client's shutdown). */
    private volatile TcpInfo lastInfo;
    private ByteBuf echo;
    private CpuPinning.Pin pin;
    private boolean closed;
    /** Set when the data path runs on a thread of its own, which then pins itself (see {@link #pinDataThread}). */
    private volatile boolean ownThread;
    /** Set on the data loop when the timer fires; data after it is not counted, as in qperf. */
    volatile boolean finished;
    final SessionCounters counters = new SessionCounters();

    Session(QperfRequest request, QperfTest test, Channel control, ServerContext context) {
        this.request = request;
        this.test = test;
        this.control = control;
        this.context = context;
        this.token = request.onePortToken();
    }

    /** tcp_bw with qperf's flip set by a netbench client: the server sends (iperf3's --reverse). */
    boolean reversed() {
        return request.flip() != 0 && test == QperfTest.TCP_BW;
    }

    int msgSize() {
        return (int) request.msgSize();
    }

    /**
     * The direct memory this test's data path holds, which it reserves from the server's
     * {@link MemoryBudget}: a {@link DataThread}'s buffer (msg_size to echo or send, a tcp_bw
     * receiver's read size, room for a datagram), or on an event loop the message it echoes or
     * sends and the largest read buffer.
     */
    long bufferBytes() {
        int size = msgSize();
        if (test.isUdp()) {
            return UdpDataHandler.MAX_DATAGRAM + (context.dataThreads() || !test.isLatency() ? 0 : size);
        }
        boolean sends = test.isLatency() || reversed();
        if (context.dataThreads()) {
            return sends ? size : ReadSizes.tcpBw(size);
        }
        return TcpDataHandler.readSize(size) + (sends ? size : 0);
    }

    /** A zero-filled message of msg_size to echo or send, shared by every write of this session (event loops only). */
    ByteBuf echo() {
        return echo;
    }

    void listener(Channel listener) {
        this.dataListener = listener;
    }

    /** The data path is up, served by a thread of its own rather than by the channel's event loop. */
    void dataReadyOnOwnThread(Channel channel) {
        ownThread = true;
        dataReady(channel);
    }

    /** The data path is the listen port's UDP socket, served on its event loop. */
    void dataReadyOnSharedPort(Channel port) {
        sharedPort = true;
        dataReady(port);
    }

    /** Whether datagrams on the listen port's UDP socket count for this session. */
    boolean onSharedPort() {
        return sharedPort;
    }

    /** The data path is up (on any loop): send our sync, start when the client's has come too. */
    void dataReady(Channel channel) {
        control.eventLoop().execute(() -> {
            if (closed) {
                if (!sharedPort) {
                    channel.close();
                }
                return;
            }
            if (!ownThread && (test.isLatency() || reversed()) && !allocateEcho(channel.alloc())) {
                if (!sharedPort) {
                    channel.close();
                }
                return;
            }
            dataChannel = channel;
            if (!sharedPort) {
                context.connections.add(channel); // closing the server waits for a data thread's close too
            }
            dataLoop = channel.eventLoop();
            dataReady = true;
            if (dataListener != null) {
                dataListener.close();
            }
            control.writeAndFlush(control.alloc().buffer().writeBytes(Wire.SYNC_BEFORE));
            maybeStart();
        });
    }

    private boolean allocateEcho(ByteBufAllocator alloc) {
        try {
            echo = alloc.directBuffer(msgSize()).writeZero(msgSize());
            return true;
        } catch (OutOfMemoryError e) {
            outOfMemory(msgSize(), e);
            return false;
        }
    }

    /**
     * Ends the test because {@code bytes} of buffer could not be allocated: the client is told so
     * instead of receiving a result of nothing.
     */
    void outOfMemory(long bytes, OutOfMemoryError e) {
        fail("server out of memory: cannot allocate " + MemoryBudget.describe(bytes) + " for the test ("
                + e.getMessage() + ")");
    }

    /** Ends the test with {@code why} sent to the client as qperf's error (any loop or thread); no result follows. */
    void fail(String why) {
        control.eventLoop().execute(() -> {
            if (closed) {
                return;
            }
            context.notices.accept("qperf: " + test.qperfName() + " of " + control.remoteAddress() + " failed: " + why);
            UrgentData.sendError(control, why).addListener(sent -> close());
        });
    }

    /** The client's "synchronization before test" arrived (control loop). */
    void clientSynced() {
        clientSynced = true;
        maybeStart();
    }

    private void maybeStart() {
        if (clientSynced && dataReady && !started && !closed) {
            started = true;
            dataLoop.execute(() -> {
                pinDataLoop();
                if (request.wantsCounters()) {
                    netSampler = NetSampler.start(this::tcpInfo);
                }
                startCpu = CpuSnapshot.now();
                timer = dataLoop.schedule(this::finish, request.time(), TimeUnit.SECONDS);
                if (reversed()) {
                    dataChannel.pipeline().fireUserEventTriggered(TcpDataHandler.START_SENDING);
                }
            });
        }
    }

    /** qperf's affinity: the data loop's thread runs on the CPU asked for until the session closes. */
    private void pinDataLoop() {
        if (!ownThread) {
            pin = pinDataThread();
        }
    }

    /**
     * Moves the calling thread, which serves the data path, to the CPU of qperf's affinity until
     * the returned pin is closed; {@code null} when none was asked for, or when it failed, which
     * closes the session.
     */
    CpuPinning.Pin pinDataThread() {
        if (request.affinity() <= 0) {
            return null;
        }
        try {
            return context.pinning.pin((int) request.affinity() - 1);
        } catch (IOException e) {
            context.notices.accept("qperf: " + e.getMessage() + "; closing the session of " + control.remoteAddress());
            close();
            return null;
        }
    }

    /** The test time is over (data loop): stop counting, send STAT, and the counters if asked. */
    private void finish() {
        finished = true;
        CpuSnapshot end = CpuSnapshot.now();
        QperfResult.Counters c = counters.snapshot();
        long msgs = test.isUdp() || test.isLatency() || reversed() ? c.receivedMsgs() : c.receivedBytes() / msgSize();
        QperfStat stat = QperfStat.of(startCpu, end, new QperfStat.Counters(c.sentBytes(), c.sentMsgs(), 0),
                new QperfStat.Counters(c.receivedBytes(), msgs, 0));
        ByteBuf out = control.alloc().buffer(Wire.STAT_SIZE);
        stat.encode(out);
        if (netSampler != null) {
            NetCounters counters = netSampler.finish(() -> {
                TcpInfo info = tcpInfo();
                return info != null ? info : lastInfo;
            });
            if (counters != null) {
                CountersFrame.write(out, counters);
            }
        }
        control.writeAndFlush(out);
    }

    /**
     * The data thread is about to close its connection (the client has shut it down, maybe just
     * before this end's timer): its TCP_INFO now stands in for the end's, which could not be read.
     */
    void dataEnding() {
        if (request.wantsCounters() && !finished && !test.isUdp()) {
            lastInfo = tcpInfo();
        }
    }

    /** The TCP data connection's TCP_INFO now; {@code null} for UDP or the NIO transport. */
    private TcpInfo tcpInfo() {
        return test.isUdp() ? null : TcpSockets.info(dataChannel);
    }

    /** Releases everything; safe to call more than once, from any loop. */
    void close() {
        control.eventLoop().execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            context.sessionClosed(bufferBytes());
            if (token != null) {
                context.byToken.remove(token);
            }
            if (test.isUdp() && token != null) {
                context.byUdpPeer.values().remove(this);
            }
            if (dataListener != null) {
                dataListener.close();
            }
            EventLoop loop = dataLoop != null ? dataLoop : control.eventLoop();
            try {
                loop.execute(this::releaseData);
            } catch (RejectedExecutionException e) {
                // the server is shutting down and the data loop has ended, its thread and pin with it
                pin = null;
                releaseData();
            }
            control.writeAndFlush(control.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
        });
    }

    /** The data path's part of {@link #close()}, on the data loop. */
    private void releaseData() {
        if (timer != null) {
            timer.cancel(false);
        }
        if (pin != null) {
            pin.close();
            pin = null;
        }
        if (dataChannel != null && !sharedPort) {
            dataChannel.close();
        }
        if (echo != null) {
            echo.release();
            echo = null;
        }
    }
}
