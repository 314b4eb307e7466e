package io.netbench.http;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyStats;
import io.netbench.core.Metric;
import io.netbench.core.NetCounters;
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
 * {@link #uncorrectedLatency()} is measured from the actual send. {@link #rateShortfall()} says
 * when a constant-rate run achieved less than 90 % of its rate. {@link #requestRate()} holds the
 * per-thread request rates sampled every 100 ms (wrk's {@code Req/Sec} row). Latencies are in
 * nanoseconds. {@link #toTestResult(String)} gives it the shape of every netbench result, for JSON,
 * reports and merging.
 */
public record HttpLoadResult(URI uri, int threads, int connections, long rate, Instant start, Duration duration,
                             long requests, long bytes, ErrorCounts errors, Map<Integer, Long> statuses,
                             LatencyStats latency, LatencyStats uncorrectedLatency, Histogram requestRate,
                             NetCounters net) {
    /** Below this fraction of the asked rate, a constant-rate run is reported as falling short. */
    public static final double RATE_SHORTFALL = 0.9;

    /**
     * A result; keeps copies of the statuses (sorted by code) and of the rate histogram.
     *
     * @param uri the target
     * @param threads the run's event loops
     * @param connections the connections kept open
     * @param rate the constant total rate asked for (wrk2), 0 for wrk's closed loop
     * @param start when the measured duration began
     * @param duration how long it lasted
     * @param requests responses completed
     * @param bytes bytes read, heads and bodies
     * @param errors errors by kind, as wrk counts them
     * @param statuses responses by status code, only the codes seen
     * @param latency latency corrected for coordinated omission
     * @param uncorrectedLatency latency measured from each actual send
     * @param requestRate per-thread request rates, sampled every 100 ms
     * @param net what this machine's network stack saw: its connections' TCP_INFO summed, TCP
     *            counters and CPU split; {@code null} if not sampled
     */
    public HttpLoadResult {
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        requestRate = requestRate.copy();
    }

    /** {@return a copy of the per-thread request rates, sampled every 100 ms} */
    @Override
    public Histogram requestRate() {
        return requestRate.copy();
    }

    /** {@return requests completed per second of the duration} */
    public double requestsPerSecond() {
        return requests / seconds();
    }

    /**
     * Whether a constant-rate run (wrk2's {@code -R}) fell short: completed less than
     * {@value #RATE_SHORTFALL} of the asked rate, because the target or this client could not keep
     * up (wrk2 says nothing then, and its latencies mislead). Always false in the closed loop.
     *
     * @return true when {@code requestsPerSecond() < RATE_SHORTFALL * rate()}
     */
    public boolean rateShortfall() {
        return rate > 0 && requestsPerSecond() < RATE_SHORTFALL * rate;
    }

    /** {@return bytes read per second of the duration} */
    public double bytesPerSecond() {
        return bytes / seconds();
    }

    private double seconds() {
        return Math.max(1e-9, duration.toNanos() / 1e9);
    }

    /**
     * {@return the corrected latency at {@code percentile}}
     *
     * @param percentile 0..100
     */
    public Duration percentile(double percentile) {
        return latency.percentile(percentile);
    }

    /**
     * {@return this result in the shape shared with qperf results, for JSON, reports and merging;
     * over HTTPS its {@code tls} parameter names the client's TLS engine ({@link TlsEngine}), so that
     * results of clients on different engines are not merged as one}
     *
     * @param transport the transport's name to record, e.g. "epoll"
     */
    public TestResult toTestResult(String transport) {
        TestResult.Builder b = TestResult.builder("wrk", "http").target(uri.toString()).transport(transport)
                .start(start).duration(duration).param("threads", threads).param("connections", connections)
                .param("rate", rate).count("requests", requests).count("read_bytes", bytes).net(net, null);
        if ("https".equalsIgnoreCase(uri.getScheme())) { // the engine decides what a handshake costs the client
            b.param("tls", TlsEngine.boringSsl() ? "BoringSSL" : "JDK");
        }
        errors.asCounts().forEach(b::count);
        b.metric(Metric.REQUESTS_PER_SEC, requestsPerSecond()).metric(Metric.TRANSFER, bytesPerSecond())
                .histogram("latency", latency.histogram()).histogram("uncorrected_latency", uncorrectedLatency.histogram())
                .histogram("request_rate", requestRate);
        for (Metric m : new Metric[] {Metric.LATENCY_MEAN, Metric.LATENCY_STDEV, Metric.LATENCY_P50, Metric.LATENCY_P99,
            Metric.LATENCY_MAX}) {
            b.metric(m, latency.count() == 0 ? Double.NaN : m.fromHistogram(latency));
        }
        statuses.forEach((code, n) -> b.count("status_" + code, n));
        if (rate > 0) {
            b.count("rate_shortfall", rateShortfall() ? 1 : 0); // clients that fell short: adds up in a merge
        }
        return b.build();
    }
}
