package io.netbench.tcp.internal.server;

import io.netbench.core.ServerMetrics;
import io.netbench.tcp.QperfTest;
import java.util.Locale;
import java.util.Map;

/**
 * The qperf server's side of {@code /metrics}: tests accepted by test, tests running, and
 * refusals by reason (busy, limit, affinity, version, protocol, test, timeout, token, socket),
 * the reason read off the refusal's text, which {@link ControlHandler} words for the client.
 */
public final class QperfMetrics {
    /** Refusal texts' beginnings and the reason they count as; the first that matches wins. */
    private static final Map<String, String> REASONS = Map.of("server busy", "busy", "msg_size", "limit",
            "time ", "limit", "sock_buf_size", "limit", "upgrade qperf", "version", "synchronize", "protocol",
            "bad request index", "test", "timed out", "timeout", "session token", "token",
            "unable to make data socket", "socket");

    private final ServerMetrics metrics;

    /**
     * Counts into {@code metrics}.
     *
     * @param metrics the server's registry
     * @param context the server, whose running tests a gauge reads
     */
    public QperfMetrics(ServerMetrics metrics, ServerContext context) {
        this.metrics = metrics;
        metrics.gauge("netbench_qperf_sessions_active", "qperf tests running now.", "", context::activeSessions);
    }

    /** A test was accepted. */
    void session(QperfTest test) {
        metrics.counter("netbench_qperf_sessions_total", "qperf tests accepted, by test.",
                "test=\"" + test.qperfName() + "\"").increment();
    }

    /** A client was refused, for the reason {@code why} says. */
    void refused(String why) {
        metrics.counter("netbench_qperf_refusals_total", "qperf clients refused, by reason.",
                "reason=\"" + reason(why) + "\"").increment();
    }

    static String reason(String why) {
        for (Map.Entry<String, String> e : REASONS.entrySet()) {
            if (why.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return why.toLowerCase(Locale.ROOT).contains("cpu") ? "affinity" : "other";
    }
}
