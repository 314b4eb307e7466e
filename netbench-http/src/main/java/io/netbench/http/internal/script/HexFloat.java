package io.netbench.http.internal.script;

/**
 * {@code %a}: a double in hexadecimal as LuaJIT prints it, {@code [-]0x1.8p+0}; subnormal numbers
 * are normalized ({@code 0x1p-1074}), and a precision rounds the fraction's hex digits with ties
 * up, carrying into the leading digit ({@code %.1a} of {@code 0x1.f8p0} is {@code 0x2.0p+0}).
 */
final class HexFloat {
    private static final int FRACTION_BITS = 52;
    private static final int FRACTION_DIGITS = FRACTION_BITS / 4;

    private HexFloat() {
    }

    /** {@code n} in hex; {@code precision} hex digits after the point, or -1 for as many as needed. */
    static String format(double n, int precision, boolean alternate) {
        long bits = Double.doubleToRawLongBits(n);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(n)) {
            return "nan";
        }
        if (Double.isInfinite(n)) {
            return sign + "inf";
        }
        long magnitude = bits & Long.MAX_VALUE;
        long fraction = magnitude & ((1L << FRACTION_BITS) - 1);
        int exponent = (int) (magnitude >>> FRACTION_BITS) - 1023;
        long lead = 1;
        if (magnitude == 0) {
            lead = 0;
            exponent = 0;
        } else if (exponent == -1023) {
            exponent = -1022;
            while (fraction >>> FRACTION_BITS == 0) {
                fraction <<= 1;
                exponent--;
            }
            fraction &= (1L << FRACTION_BITS) - 1;
        }
        String digits = String.format("%013x", fraction);
        if (precision < 0) {
            digits = digits.replaceFirst("0+$", "");
        } else if (precision < FRACTION_DIGITS) {
            int drop = (FRACTION_DIGITS - precision) * 4;
            long rounded = ((lead << FRACTION_BITS | fraction) + (1L << (drop - 1))) >>> drop;
            lead = rounded >>> (precision * 4);
            digits = precision == 0 ? "" : String.format("%0" + precision + "x", rounded & ((1L << precision * 4) - 1));
        } else {
            digits = digits + "0".repeat(precision - FRACTION_DIGITS);
        }
        String point = digits.isEmpty() && !alternate ? "" : ".";
        return sign + "0x" + lead + point + digits + "p" + (exponent < 0 ? "" : "+") + exponent;
    }
}
