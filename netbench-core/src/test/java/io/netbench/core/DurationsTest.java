package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"2,2", "10s,10", "10S,10", "1.5m,90", "3m,180", "1h,3600", "1d,86400", "0.5,0", "2.9,2"})
    void qperfTimes(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Durations.parseQperf(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "2x", "2ms", "-1", "2 s"})
    void qperfRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parseQperf(text));
    }

    @ParameterizedTest
    @CsvSource({"10,10000", "10s,10000", "10S,10000", "3m,180000", "1h,3600000", "500ms,500", "0,0"})
    void wrkDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parseWrk(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1.5s", "10sec", "1d", "-5", "10 s", "9999999999999999h"})
    void wrkRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parseWrk(text));
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "10000,10s", "180000,3m", "3600000,1h", "90000,90s", "500,500ms", "-1000,-1s", "-500,-500ms"})
    void messagesSayDurationsAsUsersWriteThem(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
    }

    @Test
    void belowAMillisecondTheyKeepTheirPrecision() {
        assertEquals("500us", Durations.format(Duration.ofNanos(500_000)));
        assertEquals("5ns", Durations.format(Duration.ofNanos(5)));
        assertEquals("null", Durations.format(null));
    }
}
