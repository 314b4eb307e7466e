package io.netbench.tcp.internal.client;

import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.NetbenchException;
import io.netbench.core.internal.Aborts;
import io.netbench.core.internal.CpuPinning;
import io.netbench.core.internal.NetSampler;
import io.netbench.tcp.QperfConf;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfOptions;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.internal.protocol.ConfCodec;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One connection's share of a run, as qperf's client runs a test: the control connection, the
 * request, then what the test asks for (the server's configuration, a quit, or a
 * {@link Measurement}), on the calling thread, pinned to {@link QperfOptions#localCpu()} if asked.
 */
final class TestRun {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QperfOptions options;
    /** The one-port session token, or {@code null} for qperf's classic second port. */
    private final String token;
    private final Aborts connections;

    TestRun(QperfOptions options, Aborts connections) {
        this.options = options;
        this.connections = connections;
        this.token = options.onePort() && options.test().isSocketTest() ? newToken() : null;
    }

    private static String newToken() {
        byte[] bytes = new byte[Wire.TOKEN_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    QperfResult run() throws NetbenchException {
        if (options.localCpu() == QperfOptions.NO_AFFINITY) {
            return exchange();
        }
        CpuPinning.Pin pin;
        try {
            pin = new CpuPinning().pin(options.localCpu());
        } catch (IOException e) {
            throw new QperfException(e.getMessage(), e);
        }
        try (pin) {
            return exchange();
        }
    }

    /** One control connection: the request, and the test it asks for. */
    private QperfResult exchange() throws NetbenchException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        Instant start = Instant.now();
        try (ControlConnection control = ControlConnection.open(options.host(), options.port(), timeoutMillis,
                options.waitServer().toMillis(), connections)) {
            control.send(request(), "request data");
            return switch (options.test()) {
                case CONF -> emptyResult(start, ConfCodec.decode(control.receive(Wire.CONF_SIZE, "configuration")));
                case QUIT -> {
                    control.synchronize(Wire.SYNC_BEFORE);
                    yield emptyResult(start, null);
                }
                default -> new Measurement(options, control, token, timeoutMillis, connections).run(start);
            };
        }
    }

    /** qperf's REQ for this run; the CPU of qperf's affinity counts from 1. */
    private ByteBuf request() {
        ByteBuf request = Unpooled.buffer(Wire.REQUEST_SIZE);
        QperfRequest r = QperfRequest.of(options.test().index(), options.msgSize(), options.time().toSeconds(),
                options.timeout().toSeconds(), options.remoteSockBufSize(), options.dataPort(),
                options.accessRecv() ? 1 : 0, options.reverse() ? 1 : 0,
                token == null ? "" : Wire.ONE_PORT_MARKER + token).withAffinity(options.remoteCpu() + 1);
        (NetSampler.enabled() ? r.withCounters() : r).encode(request);
        return request;
    }

    private QperfResult emptyResult(Instant start, QperfConf remote) {
        CpuUsage none = new CpuUsage(0, 0, 0, 0, 0, 0, Double.NaN);
        return new QperfResult(options.test(), options.target(), start, 0, Duration.ZERO, Counters.ZERO,
                Counters.ZERO, none, none, LatencyStats.of(LatencyRecorder.newHistogram()), remote, null, null, List.of(), List.of());
    }
}
