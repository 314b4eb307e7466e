package io.netbench.http;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyStats;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The immutable result of one HTTP load run, with everything wrk and wrk2 print.
 *
 * <p>{@link #latency()} is corrected for coordinated omission: at constant rate it is measured
 * from each request's intended send time (wrk2); in wrk's closed loop it is wrk's own correction
 * (HdrHistogram's {@code copyCorrectedForCoordinatedOmission} with wrk's expected interval).
 * {@link #uncorrectedLatency()} is measured from the actual send. {@link #requestRate()} holds the
 * per-thread request rates sampled every 100 ms (wrk's {@code Req/Sec} row). Latencies are in
 * nanoseconds.
 */
public record HttpLoadResult(URI uri, int threads, int connections, long rate, Instant start, Duration duration,
                             long requests, long bytes, ErrorCounts errors, Map<Integer, Long> statuses,
                             LatencyStats latency, LatencyStats uncorrectedLatency, Histogram requestRate) {

    public HttpLoadResult {
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        requestRate = requestRate.copy();
    }

    @Override
    public Histogram requestRate() {
        return requestRate.copy();
    }

    public double requestsPerSecond() {
        return requests / seconds();
    }

    public double bytesPerSecond() {
        return bytes / seconds();
    }

    private double seconds() {
        return Math.max(1e-9, duration.toNanos() / 1e9);
    }

    /** The corrected latency at {@code percentile} (0..100). */
    public Duration percentile(double percentile) {
        return latency.percentile(percentile);
    }

    /** This result in the shape shared with qperf results, for JSON, reports and merging. */
    public TestResult toTestResult(String transport) {
        TestResult.Builder b = TestResult.builder("wrk", "http").target(uri.toString()).transport(transport)
                .start(start).duration(duration).param("threads", threads).param("connections", connections)
                .param("rate", rate).count("requests", requests).count("read_bytes", bytes);
        errors.asCounts().forEach(b::count);
        b.metric(Metric.REQUESTS_PER_SEC, requestsPerSecond()).metric(Metric.TRANSFER, bytesPerSecond())
                .histogram("latency", latency.histogram()).histogram("uncorrected_latency", uncorrectedLatency.histogram())
                .histogram("request_rate", requestRate);
        for (Metric m : new Metric[] {Metric.LATENCY_MEAN, Metric.LATENCY_STDEV, Metric.LATENCY_P50, Metric.LATENCY_P99,
            Metric.LATENCY_MAX}) {
            b.metric(m, latency.count() == 0 ? Double.NaN : m.fromHistogram(latency));
        }
        statuses.forEach((code, n) -> b.count("status_" + code, n));
        return b.build();
    }
}
