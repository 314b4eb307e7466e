package io.netbench.cli;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * wrk's {@code -i SECONDS}: gathers the load's once-a-second progress into intervals of that many
 * seconds (the last one may be shorter), each a {@link TestResult} with {@code from_sec} and
 * {@code to_sec}, the interval's requests, errors (all, and by the step that failed: {@code
 * errors_connect}, {@code errors_timeout}...), req/s and latency p50/p99 (as recorded: from the
 * intended send time with {@code -R}), handed to {@code sink} as it closes. The last one closes
 * with the run's totals, so that the intervals add up to the run.
 */
final class WrkIntervals {
    private final int seconds;
    /** Progress at or after this elapsed time is the end of the run, closed by {@link #finish}. */
    private final double lastTick;
    private final Consumer<TestResult> sink;
    private final List<TestResult> closed = new ArrayList<>();
    private final Histogram latency = LatencyRecorder.newHistogram();
    private int ticks;
    private double from;
    private long requests;
    private ErrorCounts errors = ErrorCounts.NONE;
    private double lastElapsed;
    private long lastRequests;
    private ErrorCounts lastErrors = ErrorCounts.NONE;

    WrkIntervals(int seconds, Duration run, Consumer<TestResult> sink) {
        this.seconds = seconds;
        this.lastTick = run.toNanos() / 1e9 - 0.5;
        this.sink = sink;
    }

    /** One second of progress: totals so far and the latencies recorded in it. */
    void onSecond(Duration elapsed, long totalRequests, ErrorCounts totalErrors, Histogram interval) {
        latency.add(interval);
        lastElapsed = elapsed.toNanos() / 1e9;
        lastRequests = totalRequests;
        lastErrors = totalErrors;
        if (++ticks % seconds == 0 && lastElapsed < lastTick) {
            close();
        }
    }

    /** The intervals, the last one closed with the run's totals (what completed as the run stopped). */
    List<TestResult> finish(TestResult run) {
        lastElapsed = Math.max(lastElapsed, Math.min(run.duration().toNanos() / 1e9, lastTick + 0.5));
        lastRequests = run.counts().getOrDefault("requests", lastRequests);
        lastErrors = ErrorCounts.of(run.counts());
        if (lastElapsed > from) {
            close();
        }
        return List.copyOf(closed);
    }

    private void close() {
        double span = Math.max(1e-9, lastElapsed - from);
        TestResult.Builder b = TestResult.builder("wrk", "http").duration(Duration.ofNanos((long) (span * 1e9)))
                .param("from_sec", round(from)).param("to_sec", round(lastElapsed))
                .count("requests", lastRequests - requests)
                .metric(Metric.REQUESTS_PER_SEC, (lastRequests - requests) / span);
        ErrorCounts failed = lastErrors.minus(errors);
        b.count("errors", failed.total());
        failed.asCounts().forEach(b::count);
        if (latency.getTotalCount() > 0) {
            LatencyStats stats = LatencyStats.of(latency);
            b.metric(Metric.LATENCY_P50, stats.percentileNanos(50)).metric(Metric.LATENCY_P99, stats.percentileNanos(99));
        }
        TestResult interval = b.build();
        closed.add(interval);
        sink.accept(interval);
        latency.reset();
        from = lastElapsed;
        requests = lastRequests;
        errors = lastErrors;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
