package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
    @ParameterizedTest
    @CsvSource({"1,1", "64,64", "4K,4096", "256K,262144", "1M,1048576", "1G,1073741824", "4KiB,4096",
        "4kib,4096", "2mib,2097152", "4k,4000", "4kb,4000", "1m,1000000", "1mb,1000000", "1g,1000000000",
        "1.5K,1536", "0.5k,500", "65536,65536"})
    void qperfSizes(String text, long expected) {
        assertEquals(expected, Sizes.parseQperf(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "4x", "4KB", "-1", "1..5", "4 K", "99999999999G"})
    void qperfRejects(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parseQperf(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "100,100", "10k,10000", "10K,10000", "1M,1000000", "1m,1000000", "2G,2000000000",
        "1T,1000000000000"})
    void wrkNumbers(String text, long expected) {
        assertEquals(expected, Sizes.parseWrk(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "1.5k", "10kb", "-1", "10x", "99999999999999999999"})
    void wrkRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parseWrk(text));
    }
}
