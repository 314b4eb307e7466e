package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupRoundsTest {
    private static int rounds(Duration max, Double... rates) {
        Iterator<Double> next = List.of(rates).iterator();
        return WarmupRounds.untilSteady(max, () -> next.hasNext() ? next.next() : 1.0);
    }

    @Test
    void goesOnWhileTheRateRisesThenStopsAfterTwoRoundsWithoutAGain() {
        assertEquals(7, rounds(Duration.ofMinutes(1), 46.0, 56.0, 65.0, 98.0, 140.0, 143.0, 130.0, 200.0));
        assertEquals(7, rounds(Duration.ofMinutes(1), 10.0, 20.0, 30.0, 29.0, 40.0, 41.0, 39.0, 80.0));
    }

    @Test
    void runsThreeRoundsAtLeastAndOneWhenNoTimeIsLeft() {
        assertEquals(3, rounds(Duration.ofMinutes(1), 5.0, 5.0, 5.0, 100.0));
        assertEquals(1, rounds(Duration.ZERO, 1.0, 2.0, 3.0));
    }
}
