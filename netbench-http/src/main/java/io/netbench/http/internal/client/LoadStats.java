package io.netbench.http.internal.client;

import io.netbench.core.LatencyRecorder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The counters of one worker (one event loop), touched only on that loop: completed requests,
 * bytes read, errors by kind, responses by status, and the per-100-ms request-rate samples of
 * wrk's {@code Req/Sec} row. Latency goes to the run's {@link LatencyRecorder}s.
 */
public final class LoadStats {
    long requests;
    long bytes;
    long connectErrors;
    long readErrors;
    long writeErrors;
    long timeouts;
    long statusErrors;
    final long[] statuses = new long[1000];
    final Histogram requestRate = new Histogram(3);
    final LatencyRecorder.Writer latency;
    final LatencyRecorder.Writer uncorrected;

    LoadStats(LatencyRecorder.Writer latency, LatencyRecorder.Writer uncorrected) {
        this.latency = latency;
        this.uncorrected = uncorrected;
    }

    /** The sum of every worker's counters and rate samples (no latency: that is in the recorders). */
    public static LoadStats total(List<LoadStats> all) {
        LoadStats t = new LoadStats(null, null);
        for (LoadStats s : all) {
            t.requests += s.requests;
            t.bytes += s.bytes;
            t.connectErrors += s.connectErrors;
            t.readErrors += s.readErrors;
            t.writeErrors += s.writeErrors;
            t.timeouts += s.timeouts;
            t.statusErrors += s.statusErrors;
            for (int i = 0; i < t.statuses.length; i++) {
                t.statuses[i] += s.statuses[i];
            }
            t.requestRate.add(s.requestRate);
        }
        return t;
    }

    void clear() {
        requests = 0;
        bytes = 0;
        connectErrors = 0;
        readErrors = 0;
        writeErrors = 0;
        timeouts = 0;
        statusErrors = 0;
        java.util.Arrays.fill(statuses, 0);
        requestRate.reset();
    }

    public long requests() {
        return requests;
    }

    public long bytes() {
        return bytes;
    }

    /** Errors: connect, read, write, timeout, status (> 399). */
    public long[] errors() {
        return new long[] {connectErrors, readErrors, writeErrors, timeouts, statusErrors};
    }

    /** Responses by status code, only the codes seen. */
    public Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] > 0) {
                counts.put(i, statuses[i]);
            }
        }
        return counts;
    }

    public Histogram requestRate() {
        return requestRate.copy();
    }
}
