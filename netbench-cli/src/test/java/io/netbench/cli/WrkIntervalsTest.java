package io.netbench.cli;

import static io.netbench.core.LatencyRecorder.newHistogram;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.ErrorCounts;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wrk's {@code -i}: intervals that add up to the run, errors kind by kind. */
class WrkIntervalsTest {
    @Test
    void eachIntervalCountsItsOwnErrorsByKindAndTheLastClosesWithTheRunsTotals() {
        List<TestResult> lines = new ArrayList<>();
        WrkIntervals intervals = new WrkIntervals(1, Duration.ofSeconds(3), lines::add);
        intervals.onSecond(Duration.ofMillis(1000), 100, new ErrorCounts(2, 0, 0, 0, 0), newHistogram());
        intervals.onSecond(Duration.ofMillis(2000), 250, new ErrorCounts(2, 0, 0, 5, 1), newHistogram());
        TestResult.Builder run = TestResult.builder("wrk", "http").duration(Duration.ofSeconds(3))
                .count("requests", 400);
        new ErrorCounts(2, 1, 0, 7, 1).asCounts().forEach(run::count);
        List<TestResult> all = intervals.finish(run.build());
        assertEquals(all, lines, "each interval went to the sink as it closed");
        assertEquals(List.of(new ErrorCounts(2, 0, 0, 0, 0), new ErrorCounts(0, 0, 0, 5, 1),
                new ErrorCounts(0, 1, 0, 2, 0)), all.stream().map(i -> ErrorCounts.of(i.counts())).toList());
        assertEquals(List.of(2L, 6L, 3L), all.stream().map(i -> i.counts().get("errors")).toList());
        assertEquals(List.of(100L, 150L, 150L), all.stream().map(i -> i.counts().get("requests")).toList());
    }
}
