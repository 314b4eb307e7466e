package io.netbench.cli.report;

import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One figure a report compares: where its value comes from in a result, the unit it is stored
 * in (CSV and JSON) and the unit it is shown in (Markdown and HTML).
 *
 * @param key the figure's name in CSV and JSON, ending with its unit
 * @param label the row label in the wrk table
 * @param unit the stored unit
 * @param shownUnit the unit tables show
 * @param scale stored value times scale is the shown value
 * @param higherIsBetter the direction that is better
 * @param value the value in a result, if it has it
 */
record Figure(String key, String label, String unit, String shownUnit, double scale, boolean higherIsBetter,
              Function<TestResult, OptionalDouble> value) {

    /** The unit of counts (errors): shown as whole numbers. */
    static final String COUNT = "count";

    /** The figure of each qperf test that a report tables by msg_size. */
    static final Map<String, Figure> QPERF = Map.of(
            "tcp_lat", metric(Metric.LATENCY, "latency", "us", 1e-3),
            "udp_lat", metric(Metric.LATENCY, "latency", "us", 1e-3),
            "tcp_bw", metric(Metric.RECV_BW, "bandwidth", "MB/s", 1e-6),
            "udp_bw", metric(Metric.RECV_BW, "bandwidth", "MB/s", 1e-6));

    /** The rows of a wrk table, in wrk's order. */
    static final List<Figure> WRK = List.of(
            metric(Metric.REQUESTS_PER_SEC, "Requests/sec", "req/s", 1),
            metric(Metric.TRANSFER, "Transfer/sec", "MB/s", 1e-6),
            metric(Metric.LATENCY_MEAN, "Latency avg", "ms", 1e-6),
            metric(Metric.LATENCY_P50, "Latency p50", "ms", 1e-6),
            metric(Metric.LATENCY_P99, "Latency p99", "ms", 1e-6),
            metric(Metric.LATENCY_MAX, "Latency max", "ms", 1e-6),
            count("errors_connect", "Socket errors: connect"),
            count("errors_read", "Socket errors: read"),
            count("errors_write", "Socket errors: write"),
            count("errors_timeout", "Socket errors: timeout"),
            count("errors_status", "Non-2xx or 3xx responses"));

    private static Figure metric(Metric m, String label, String shownUnit, double scale) {
        return new Figure(m.key(), label, m.unit().symbol(), shownUnit, scale, m.higherIsBetter(), r -> r.metric(m));
    }

    private static Figure count(String name, String label) {
        return new Figure(name, label, COUNT, "", 1, false, r -> {
            Long n = r.counts().get(name);
            return n == null ? OptionalDouble.empty() : OptionalDouble.of(n);
        });
    }

    /** "Requests/sec" or "Latency p99 (ms)". */
    String labelWithUnit() {
        return shownUnit.isEmpty() || shownUnit.equals("req/s") ? label : label + " (" + shownUnit + ")";
    }
}
