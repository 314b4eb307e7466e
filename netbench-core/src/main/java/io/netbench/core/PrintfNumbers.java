package io.netbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers exactly as C's {@code printf} prints them with {@code %f}, {@code %e} and {@code %g},
 * which qperf, wrk and wrk's Lua scripts use.
 *
 * <p>Java's {@code String.format("%.2f")} rounds the shortest decimal form of a double half-up
 * ({@code 1.125} becomes {@code 1.13}, {@code 1.005} becomes {@code 1.01}); C rounds the exact
 * binary value. glibc rounds it to nearest, ties to even ({@code 1.12} and {@code 1.00}); LuaJIT
 * 2.1, which formats numbers itself, rounds ties away from zero ({@code 1.13} and {@code 1.00}).
 * Each method takes the rounding of the tool it imitates; {@link #fixed(double, int)} is glibc's.
 */
public final class PrintfNumbers {
    private PrintfNumbers() {
    }

    /** {@code value} with {@code decimals} digits after the point, as glibc's {@code %.Nf}. */
    public static String fixed(double value, int decimals) {
        return fixed(value, decimals, RoundingMode.HALF_EVEN);
    }

    /** {@code %.Nf}: {@code decimals} digits after the point, the exact value rounded by {@code rounding}. */
    public static String fixed(double value, int decimals, RoundingMode rounding) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return signed(value, new BigDecimal(value).setScale(decimals, rounding).toPlainString());
    }

    /** {@code %.Ne}: one digit, {@code decimals} more after the point, then {@code e±XX}. */
    public static String exponential(double value, int decimals, RoundingMode rounding) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        StringBuilder digits = new StringBuilder();
        int exponent = digits(value, decimals + 1, rounding, digits);
        if (decimals > 0) {
            digits.insert(1, '.');
        }
        digits.append(exponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(exponent);
        digits.append(magnitude < 10 ? "0" : "").append(magnitude);
        return signed(value, digits.toString());
    }

    /**
     * {@code %.Pg}: {@code %e} or {@code %f} with {@code precision} significant digits, whichever C
     * picks for the rounded exponent, without trailing zeros unless {@code keepZeros} ({@code %#g}).
     */
    public static String general(double value, int precision, boolean keepZeros, RoundingMode rounding) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        int p = Math.max(precision, 1);
        int exponent = digits(value, p, rounding, new StringBuilder());
        String text = exponent < -4 || exponent >= p ? exponential(value, p - 1, rounding)
                : fixed(value, p - 1 - exponent, rounding);
        if (keepZeros) {
            return withPoint(text);
        }
        if (text.indexOf('.') < 0) {
            return text;
        }
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        mantissa = mantissa.replaceFirst("0+$", "");
        mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
        return e < 0 ? mantissa : mantissa + text.substring(e);
    }

    /** {@code text} (a number printed by this class) with a decimal point, as C's {@code #} flag asks. */
    public static String withPoint(String text) {
        if (text.indexOf('.') >= 0 || !Character.isDigit(text.charAt(text.length() - 1))) {
            return text;
        }
        int e = text.indexOf('e');
        return e < 0 ? text + "." : text.substring(0, e) + "." + text.substring(e);
    }

    /** The first {@code count} significant digits of |value| into {@code out}; returns the decimal exponent. */
    private static int digits(double value, int count, RoundingMode rounding, StringBuilder out) {
        if (value == 0) {
            out.append("0".repeat(count));
            return 0;
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(count, rounding));
        String unscaled = rounded.unscaledValue().toString();
        out.append(unscaled).append("0".repeat(count - unscaled.length()));
        return unscaled.length() - 1 - rounded.scale();
    }

    private static String signed(double value, String text) {
        boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
}
