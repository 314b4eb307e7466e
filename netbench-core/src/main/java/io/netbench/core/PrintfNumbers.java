package io.netbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers exactly as C's {@code printf} prints them with {@code %f}, {@code %e} and {@code %g}:
 * for output that must match, character for character, what qperf, wrk and wrk's Lua scripts
 * print.
 *
 * <p>Java's {@code String.format("%.2f")} rounds the shortest decimal form of a double half-up
 * ({@code 1.125} becomes {@code 1.13}, {@code 1.005} becomes {@code 1.01}); C rounds the exact
 * binary value. glibc rounds it to nearest, ties to even ({@code 1.12} and {@code 1.00}); LuaJIT
 * 2.1, which formats numbers itself, rounds ties away from zero ({@code 1.13} and {@code 1.00}).
 * So each method takes the rounding of the tool it imitates: {@link RoundingMode#HALF_EVEN} for
 * glibc (what {@link #fixed(double, int)} uses), {@link RoundingMode#HALF_UP} for LuaJIT.
 *
 * <pre>{@code
 * PrintfNumbers.fixed(1.125, 2);                                 // "1.12", as printf("%.2f")
 * PrintfNumbers.general(0.0001234, 3, false, RoundingMode.HALF_UP); // "0.000123", as LuaJIT's "%.3g"
 * }</pre>
 *
 * <p>The results never depend on the default locale: the decimal separator is always a point.
 * Infinities and NaN print as C prints them: {@code inf}, {@code -inf}, {@code nan}. Negative
 * zero keeps its sign ({@code -0.00}), as in C.
 */
public final class PrintfNumbers {
    private PrintfNumbers() {
    }

    /**
     * {@code %.Nf} as glibc prints it.
     *
     * @param value the number
     * @param decimals N, the digits after the point (none and no point for 0)
     * @return the text, e.g. {@code "1.12"} for 1.125 and 2
     */
    public static String fixed(double value, int decimals) {
        return fixed(value, decimals, RoundingMode.HALF_EVEN);
    }

    /**
     * {@code %.Nf}: the exact value rounded to N digits after the point.
     *
     * @param value the number
     * @param decimals N, the digits after the point (none and no point for 0)
     * @param rounding how a tie rounds: {@code HALF_EVEN} for glibc, {@code HALF_UP} for LuaJIT
     * @return the text
     */
    public static String fixed(double value, int decimals, RoundingMode rounding) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return signed(value, new BigDecimal(value).setScale(decimals, rounding).toPlainString());
    }

    /**
     * {@code %.Ne}: one digit, N more after the point, then the exponent, of two digits at least.
     *
     * @param value the number
     * @param decimals N, the digits after the point (none and no point for 0)
     * @param rounding how a tie rounds: {@code HALF_EVEN} for glibc, {@code HALF_UP} for LuaJIT
     * @return the text, e.g. {@code "1.50e+03"} for 1500 and 2
     */
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
     * {@code %.Pg}: {@code %e} or {@code %f} with P significant digits, whichever C picks for the
     * rounded exponent X ({@code %e} when X &lt; -4 or X &ge; P).
     *
     * @param value the number
     * @param precision P, the significant digits; 0 counts as 1, as in C
     * @param keepZeros keep trailing zeros and the point, as {@code %#g} does; else drop them, as {@code %g}
     * @param rounding how a tie rounds: {@code HALF_EVEN} for glibc, {@code HALF_UP} for LuaJIT
     * @return the text, e.g. {@code "1e+06"} for 1000000 and 6, {@code "0.5"} for 0.5 and 6
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

    /**
     * Adds the decimal point that C's {@code #} flag asks for, where a number has none.
     *
     * @param text a number printed by this class
     * @return {@code text} with a point after its integer digits ({@code "2."}, {@code "1.e+10"}),
     *         or unchanged if it has one or is not finite
     */
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
