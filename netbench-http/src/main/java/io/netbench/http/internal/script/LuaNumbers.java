package io.netbench.http.internal.script;

import io.netbench.core.PrintfNumbers;
import java.math.RoundingMode;
import org.luaj.vm2.LuaValue;

/**
 * Numbers as LuaJIT 2.1 turns them into text and into integers. {@code tostring}, {@code print}
 * and {@code %s} print a number with {@code %.14g} ({@code 3}, {@code 0.33333333333333},
 * {@code 9.007199254741e+15}), where LuaJ prints whole numbers in full and others with a float's
 * seven digits. Integer conversions follow the x86 instructions LuaJIT uses: a number out of range
 * (or NaN) becomes the smallest integer, as {@code string.format("%d", 2^63)} shows.
 */
final class LuaNumbers {
    /** LuaJIT rounds ties away from zero when it prints a number. */
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final double TWO_63 = 0x1p63;

    private LuaNumbers() {
    }

    /** {@code tostring(n)} in LuaJIT. */
    static String text(double n) {
        int i = (int) n;
        if (i == n && (i != 0 || Double.doubleToRawLongBits(n) == 0)) {
            return Integer.toString(i);
        }
        return PrintfNumbers.general(n, 14, false, ROUNDING);
    }

    /** {@code value} as text if it is a number, else {@code value}: what LuaJIT writes for it. */
    static LuaValue printable(LuaValue value) {
        return value.type() == LuaValue.TNUMBER ? LuaValue.valueOf(text(value.todouble())) : value;
    }

    /** A number as {@code %d} takes it: truncated; NaN and out of range give the smallest long. */
    static long toInt64(double n) {
        return n >= -TWO_63 && n < TWO_63 ? (long) n : Long.MIN_VALUE;
    }

    /** A number as {@code %u}, {@code %x} and {@code %o} take it: modulo 2^64 up to 2^64. */
    static long toUnsigned64(double n) {
        return n >= TWO_63 ? toInt64(n - 0x1p64) : toInt64(n);
    }

    /** A number as {@code %c} takes it: truncated to 32 bits; NaN and out of range give the smallest int. */
    static int toInt32(double n) {
        return n > Integer.MIN_VALUE - 1.0 && n < Integer.MAX_VALUE + 1.0 ? (int) n : Integer.MIN_VALUE;
    }
}
