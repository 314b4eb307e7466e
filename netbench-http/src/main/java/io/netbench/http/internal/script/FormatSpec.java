package io.netbench.http.internal.script;

import org.luaj.vm2.LuaString;

/**
 * One conversion of a {@code string.format} pattern as LuaJIT reads it: flags ({@code - + space # 0},
 * in any number), a width and a precision of at most two digits each, and one of
 * {@code a A c d e E f F g G i o p q s u x X}. Anything else is LuaJIT's
 * {@code invalid option '%...' to 'format'}.
 */
final class FormatSpec {
    private static final String CONVERSIONS = "aAcdeEfFgGiopqsuxX";

    boolean left;
    boolean plus;
    boolean space;
    boolean alternate;
    boolean zero;
    int width;
    /** The precision, or -1 when none is given. */
    int precision = -1;
    char conversion;
    /** The index just after the conversion. */
    int end;

    private FormatSpec() {
    }

    /** The conversion that starts at {@code start}, the index of its {@code %}. */
    static FormatSpec parse(LuaString pattern, int start) {
        FormatSpec spec = new FormatSpec();
        int i = start + 1;
        for (; i < pattern.length(); i++) {
            int c = pattern.luaByte(i);
            if (c == '-') {
                spec.left = true;
            } else if (c == '+') {
                spec.plus = true;
            } else if (c == ' ') {
                spec.space = true;
            } else if (c == '#') {
                spec.alternate = true;
            } else if (c == '0') {
                spec.zero = true;
            } else {
                break;
            }
        }
        int[] number = {0};
        i = twoDigits(pattern, i, number);
        spec.width = number[0];
        if (i < pattern.length() && pattern.luaByte(i) == '.') {
            number[0] = 0;
            i = twoDigits(pattern, i + 1, number);
            spec.precision = number[0];
        }
        if (i >= pattern.length() || CONVERSIONS.indexOf(pattern.luaByte(i)) < 0) {
            int shown = Math.min(i + 1, pattern.length());
            throw ScriptError.raise("invalid option '" + pattern.substring(start, shown).tojstring()
                    + "' to 'format'", 1);
        }
        spec.conversion = (char) pattern.luaByte(i);
        spec.end = i + 1;
        return spec;
    }

    private static int twoDigits(LuaString pattern, int i, int[] number) {
        for (int n = 0; n < 2 && i < pattern.length() && Character.isDigit(pattern.luaByte(i)); n++, i++) {
            number[0] = number[0] * 10 + pattern.luaByte(i) - '0';
        }
        return i;
    }

    /** {@code sign} (or prefix) and {@code body} padded to the width: zeros between them if asked, else spaces. */
    String pad(String sign, String body, boolean zeroAllowed) {
        int fill = width - sign.length() - body.length();
        if (fill <= 0) {
            return sign + body;
        }
        if (left) {
            return sign + body + " ".repeat(fill);
        }
        return zero && zeroAllowed ? sign + "0".repeat(fill) + body : " ".repeat(fill) + sign + body;
    }

    /** The sign a non-negative number gets from the flags. */
    String positiveSign() {
        return plus ? "+" : space ? " " : "";
    }
}
