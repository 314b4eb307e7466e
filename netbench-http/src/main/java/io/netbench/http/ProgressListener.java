package io.netbench.http;

import io.netbench.core.ErrorCounts;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Receives an HTTP load run's progress once a second, on the thread that runs it
 * ({@link HttpLoad#progress(ProgressListener)}): for live output and interval logs.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * One more second of the measured duration has passed; the last call comes at the end of the
     * duration, after its last (whole or partial) second.
     *
     * @param elapsed time since the measured duration began
     * @param requests requests completed so far
     * @param errors errors so far, by the step that failed
     * @param latencyInterval the latencies recorded since the last call, in nanoseconds
     */
    void onSecond(Duration elapsed, long requests, ErrorCounts errors, Histogram latencyInterval);
}
