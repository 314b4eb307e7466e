package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what glibc's printf("%.*f") prints (checked with awk's printf). */
class PrintfNumbersTest {
    @ParameterizedTest
    @CsvSource({"1.125,2,1.12", "1.005,2,1.00", "2.675,2,2.67", "0.5,0,0", "2.5,0,2", "998.5,0,998",
        "0.05,1,0.1", "-0.001,2,-0.00", "-0.0,1,-0.0", "1234567.125,2,1234567.12", "1e20,0,100000000000000000000",
        "39.4449999,2,39.44", "NaN,2,nan", "Infinity,2,inf", "-Infinity,0,-inf", "12,2,12.00"})
    void roundsLikeGlibc(double value, int decimals, String expected) {
        assertEquals(expected, PrintfNumbers.fixed(value, decimals));
    }
}
