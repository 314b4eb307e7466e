package io.netbench.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point numbers exactly as C's {@code printf("%.*f")} prints them, which qperf and wrk use.
 *
 * <p>Java's {@code String.format("%.2f")} rounds the shortest decimal form of a double half-up
 * ({@code 1.125} becomes {@code 1.13}, {@code 1.005} becomes {@code 1.01}); glibc rounds the exact
 * binary value to nearest, ties to even ({@code 1.12} and {@code 1.00}). Outputs that must match
 * the C tools digit for digit go through {@link #fixed}.
 */
public final class PrintfNumbers {
    private PrintfNumbers() {
    }

    /** {@code value} with {@code decimals} digits after the point, as glibc's {@code %.Nf}. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }
}
