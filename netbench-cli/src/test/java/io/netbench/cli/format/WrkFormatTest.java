package io.netbench.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings follow wrk 4.1.0's output (units.c), e.g. the spec's captured run. */
class WrkFormatTest {
    @ParameterizedTest
    @CsvSource({"124.59,124.59us", "279.55,279.55us", "4110,4.11ms", "849,849.00us", "850,0.85ms", "900,0.90ms",
        "1500000,1.50s", "2100000,2.10s", "100000000,1.67m", "0,0.00us", "999999,1000.00ms",
        "36000000000,600.00m", "1125,1.12ms"})
    void time(double micros, String expected) {
        assertEquals(expected, WrkFormat.time(micros));
    }

    @ParameterizedTest
    @CsvSource({"78920,78.92k", "23840,23.84k", "112240,112.24k", "12,12.00", "849,849.00", "850,0.85k",
        "1200000,1.20M", "5e15,5000.00T", "1125,1.12k", "12.125,12.12"})
    void metric(double value, String expected) {
        assertEquals(expected, WrkFormat.metric(value));
    }

    @ParameterizedTest
    @CsvSource({"53037138,50.58M", "25260195,24.09M", "12122449346,11.29G", "100,100.00", "870,870.00",
        "871,0.85K", "1152,1.12K"})
    void binary(double bytes, String expected) {
        assertEquals(expected, WrkFormat.binary(bytes));
    }

    @ParameterizedTest
    @CsvSource({"1.125,2,1.12", "78923.455,2,78923.46", "61.875,2,61.88"})
    void fixedRoundsLikeWrksPrintf(double value, int decimals, String expected) {
        assertEquals(expected, WrkFormat.fixed(value, decimals));
    }

    @ParameterizedTest
    @CsvSource({"2,2s", "10,10s", "50,50s", "51,1m", "180,3m", "3600,60m"})
    void seconds(double seconds, String expected) {
        assertEquals(expected, WrkFormat.seconds(seconds));
    }
}
