package io.netbench.cli.format;

import io.netbench.core.PrintfNumbers;

/**
 * Formats numbers exactly as wrk 4.x and wrk2 print them ({@code src/units.c}), so that netbench's
 * figures sit in one table with wrk's.
 *
 * <p>wrk divides by the unit's scale while the amount is at least 0.85 of it, and never steps onto
 * the last unit of a ladder: times go {@code us}, {@code ms}, then (from one second) {@code s},
 * {@code m}; counts go {@code k}, {@code M}, {@code G}, {@code T} by 1000; bytes go {@code K},
 * {@code M}, {@code G}, {@code T} by 1024 (wrk prints the trailing {@code B} itself). So
 * {@code 900} us prints as {@code 0.90ms}, and 100 seconds as {@code 1.67m}.
 */
public final class WrkFormat {
    private static final String[] TIME_US = {"us", "ms", "s"};
    private static final String[] TIME_S = {"s", "m", "h"};
    private static final String[] BINARY = {"", "K", "M", "G", "T", "P"};
    private static final String[] METRIC = {"", "k", "M", "G", "T", "P"};

    private WrkFormat() {
    }

    /** A time given in microseconds, 2 decimals: {@code 124.59us}, {@code 4.63ms}, {@code 2.10s}. */
    public static String time(double micros) {
        if (micros >= 1_000_000.0) {
            return units(micros / 1_000_000.0, 60, TIME_S, 2);
        }
        return units(micros, 1000, TIME_US, 2);
    }

    /** A whole-seconds duration as in {@code Running 10s test}: {@code 10s}, {@code 3m}. */
    public static String seconds(double seconds) {
        return units(seconds, 60, TIME_S, 0);
    }

    /** A count, 2 decimals, SI steps of 1000: {@code 78.92k}, {@code 1.20M}, {@code 12.00}. */
    public static String metric(double value) {
        return units(value, 1000, METRIC, 2);
    }

    /** Bytes, 2 decimals, steps of 1024, without the trailing {@code B}: {@code 50.58M}. */
    public static String binary(double bytes) {
        return units(bytes, 1024, BINARY, 2);
    }

    /**
     * A number with {@code decimals} digits after the point, rounded as wrk's C {@code printf}
     * rounds (the exact value, ties to even), for wrk's other columns such as
     * {@code Requests/sec: %9.2f}: {@code fixed(1.125, 2)} is {@code 1.12}, where Java's
     * {@code String.format} would print {@code 1.13}.
     */
    public static String fixed(double value, int decimals) {
        return PrintfNumbers.fixed(value, decimals);
    }

    private static String units(double amount, int scale, String[] ladder, int decimals) {
        String unit = ladder[0];
        for (int i = 1; i < ladder.length - 1 && amount >= scale * 0.85; i++) {
            amount /= scale;
            unit = ladder[i];
        }
        return PrintfNumbers.fixed(amount, decimals) + unit;
    }
}
