package io.netbench.cli.format;

import io.netbench.core.ErrorCounts;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Per-interval report lines ({@code -i}), laid out as iperf3 lays them out: the interval in
 * seconds since the measured window began, then its figures; for qperf a stream number in
 * brackets ({@code [SUM]} for the streams added up), for wrk the interval's request rate, errors
 * and latency percentiles. The figures come from the intervals a {@link TestResult} carries.
 */
public final class IntervalLines {
    private IntervalLines() {
    }

    /**
     * One qperf interval: {@code "    [  1]   0.0-1.0 sec      2.63 GB/sec  retr 0"}, the segments
     * retransmitted in it (iperf3's {@code Retr}) where the connections' TCP_INFO was read.
     *
     * @param format qperf's number format of the run
     * @param interval one of {@link TestResult#intervals()}
     * @return the line, without a line break
     */
    public static String qperf(QperfFormat format, TestResult interval) {
        String stream = interval.params().get("stream");
        double bw = interval.metric(Metric.SEND_BW).orElse(interval.metric(Metric.RECV_BW).orElse(0));
        QperfFormat.Value v = format.bandwidth(bw);
        Long retrans = interval.counts().get("loc_tcp_retrans");
        return String.format(Locale.ROOT, "    [%3s] %9s sec  %8s %s", stream == null ? "SUM" : stream,
                span(interval), v.number(), v.unit()) + (retrans == null ? "" : "  retr " + retrans);
    }

    /**
     * One wrk interval: {@code "  [  0.0-1.0 sec]  12.35k req/s  errors 0  p50 1.02ms  p99 3.40ms"};
     * errors, when there are some, by the step that failed: {@code errors 15 (connect 3, timeout 12)}.
     *
     * @param interval one of {@link TestResult#intervals()}
     * @return the line, without a line break
     */
    public static String wrk(TestResult interval) {
        String p50 = interval.metric(Metric.LATENCY_P50).stream().mapToObj(n -> WrkFormat.time(n / 1000)).findFirst()
                .orElse("-");
        String p99 = interval.metric(Metric.LATENCY_P99).stream().mapToObj(n -> WrkFormat.time(n / 1000)).findFirst()
                .orElse("-");
        return String.format(Locale.ROOT, "  [%9s sec]  %8s req/s  errors %d%s  p50 %8s  p99 %8s", span(interval),
                WrkFormat.metric(interval.metric(Metric.REQUESTS_PER_SEC).orElse(0)),
                interval.counts().getOrDefault("errors", 0L), errorKinds(interval), p50, p99);
    }

    /** {@code " (connect 3, timeout 12)"}: the kinds of error that happened, or nothing. */
    private static String errorKinds(TestResult interval) {
        String kinds = ErrorCounts.of(interval.counts()).asCounts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().substring("errors_".length()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return kinds.isEmpty() ? "" : " (" + kinds + ")";
    }

    private static String span(TestResult interval) {
        return String.format(Locale.ROOT, "%.1f-%.1f", Double.parseDouble(interval.params().get("from_sec")),
                Double.parseDouble(interval.params().get("to_sec")));
    }
}
