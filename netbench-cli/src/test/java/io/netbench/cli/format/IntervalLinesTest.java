package io.netbench.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.ErrorCounts;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** wrk's interval lines: the errors of an interval, named by the step that failed. */
class IntervalLinesTest {
    private static TestResult.Builder interval(ErrorCounts errors) {
        TestResult.Builder b = TestResult.builder("wrk", "http").duration(Duration.ofSeconds(1))
                .param("from_sec", 2.0).param("to_sec", 3.0).count("requests", 12_350)
                .count("errors", errors.total()).metric(Metric.REQUESTS_PER_SEC, 12_350)
                .metric(Metric.LATENCY_P50, 1_020_000).metric(Metric.LATENCY_P99, 3_400_000);
        errors.asCounts().forEach(b::count);
        return b;
    }

    @Test
    void anIntervalWithoutErrorsSaysZero() {
        assertEquals("  [  2.0-3.0 sec]    12.35k req/s  errors 0  p50   1.02ms  p99   3.40ms",
                IntervalLines.wrk(interval(ErrorCounts.NONE).build()));
    }

    @Test
    void errorsAreNamedByTheStepThatFailed() {
        assertEquals("  [  2.0-3.0 sec]    12.35k req/s  errors 19 (connect 3, timeout 12, status 4)  p50   1.02ms"
                + "  p99   3.40ms", IntervalLines.wrk(interval(new ErrorCounts(3, 0, 0, 12, 4)).build()));
    }
}
