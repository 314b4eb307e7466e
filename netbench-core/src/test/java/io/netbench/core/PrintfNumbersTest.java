package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected strings are what glibc's printf prints (checked with awk's printf) and, for ties
 * rounded away from zero, what LuaJIT 2.1's string.format prints.
 */
class PrintfNumbersTest {
    @ParameterizedTest
    @CsvSource({"1.125,2,1.12", "1.005,2,1.00", "2.675,2,2.67", "0.5,0,0", "2.5,0,2", "998.5,0,998",
        "0.05,1,0.1", "-0.001,2,-0.00", "-0.0,1,-0.0", "1234567.125,2,1234567.12", "1e20,0,100000000000000000000",
        "39.4449999,2,39.44", "NaN,2,nan", "Infinity,2,inf", "-Infinity,0,-inf", "12,2,12.00"})
    void roundsLikeGlibc(double value, int decimals, String expected) {
        assertEquals(expected, PrintfNumbers.fixed(value, decimals));
    }

    @ParameterizedTest
    @CsvSource({"1.25,1,1.2e+00,1.3e+00", "2.5,0,2e+00,3e+00", "1.125,2,1.12e+00,1.13e+00", "0,6,0.000000e+00,",
        "123456,3,1.235e+05,", "-0.000123,6,-1.230000e-04,", "1e100,0,1e+100,", "NaN,3,nan,", "-Infinity,1,-inf,"})
    void exponential(double value, int decimals, String glibc, String luajit) {
        assertEquals(glibc, PrintfNumbers.exponential(value, decimals, RoundingMode.HALF_EVEN));
        assertEquals(luajit == null ? glibc : luajit, PrintfNumbers.exponential(value, decimals, RoundingMode.HALF_UP));
    }

    @ParameterizedTest
    @CsvSource({"100000,6,false,100000,", "1000000,6,false,1e+06,", "0.0001,6,false,0.0001,",
        "0.00001,6,false,1e-05,", "999.5,3,false,1e+03,", "1,6,true,1.00000,", "100,3,true,100.,", "1e100,6,false,1e+100,",
        "0.5,0,false,0.5,", "-0.0,6,false,-0,", "0.125,2,false,0.12,0.13", "50,6,false,50,", "99.999,6,false,99.999,",
        "9007199254740992,14,false,9.007199254741e+15,", "0.1,14,false,0.1,", "1e15,14,false,1e+15,",
        "0.0001234,3,false,0.000123,"})
    void general(double value, int precision, boolean keepZeros, String glibc, String luajit) {
        assertEquals(glibc, PrintfNumbers.general(value, precision, keepZeros, RoundingMode.HALF_EVEN));
        assertEquals(luajit == null ? glibc : luajit, PrintfNumbers.general(value, precision, keepZeros,
                RoundingMode.HALF_UP));
    }

    @ParameterizedTest
    @CsvSource({"2,2.", "1e+10,1.e+10", "-3e-05,-3.e-05", "1.5,1.5", "inf,inf", "nan,nan"})
    void withPointAddsThePointOfCsHashFlag(String text, String expected) {
        assertEquals(expected, PrintfNumbers.withPoint(text));
    }
}
