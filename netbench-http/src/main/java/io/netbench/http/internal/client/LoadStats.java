package io.netbench.http.internal.client;

import io.netbench.core.ErrorCounts;
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
final class LoadStats {
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

    /**
     * What every worker counted, summed, with no latency (that is in the recorders).
     *
     * @param statuses responses by status code, only the codes seen
     * @param requestRate every worker's per-100-ms request-rate samples
     */
    record Totals(long requests, long bytes, ErrorCounts errors, Map<Integer, Long> statuses,
                         Histogram requestRate) {
        /** The sum of {@code all}. */
        static Totals of(List<LoadStats> all) {
            long[] statuses = new long[1000];
            Histogram requestRate = new Histogram(3);
            for (LoadStats s : all) {
                for (int i = 0; i < statuses.length; i++) {
                    statuses[i] += s.statuses[i];
                }
                requestRate.add(s.requestRate);
            }
            Map<Integer, Long> seen = new TreeMap<>();
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] > 0) {
                    seen.put(i, statuses[i]);
                }
            }
            return new Totals(all.stream().mapToLong(s -> s.requests).sum(), all.stream().mapToLong(s -> s.bytes).sum(),
                    all.stream().map(LoadStats::errors).reduce(ErrorCounts.NONE, ErrorCounts::plus), seen, requestRate);
        }
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

    /** Requests completed so far (a racy read, off the loop, is fine for progress). */
    long requests() {
        return requests;
    }

    /** The errors counted so far (a racy read, off the loop, is fine for progress). */
    ErrorCounts errors() {
        return new ErrorCounts(connectErrors, readErrors, writeErrors, timeouts, statusErrors);
    }
}
