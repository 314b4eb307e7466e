package io.netbench.http.internal.script;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * LuaJIT's {@code bit} library (BitOp): {@code tobit}, {@code tohex}, {@code bnot}, {@code band},
 * {@code bor}, {@code bxor}, {@code lshift}, {@code rshift}, {@code arshift}, {@code rol},
 * {@code ror} and {@code bswap} on 32-bit integers, results signed like LuaJIT's. A number becomes
 * 32 bits as BitOp does it: rounded to the nearest integer (ties to even), then modulo 2^32.
 */
final class BitLib {
    /** 2^52 + 2^51: adding it leaves a double's integer part, rounded, in the low bits of its mantissa. */
    private static final double ROUNDER = 6755399441055744.0;

    private BitLib() {
    }

    static LuaTable create() {
        LuaTable bit = new LuaTable();
        bit.set("tobit", unary("tobit", x -> x));
        bit.set("bnot", unary("bnot", x -> ~x));
        bit.set("bswap", unary("bswap", Integer::reverseBytes));
        bit.set("band", fold("band", (a, b) -> a & b));
        bit.set("bor", fold("bor", (a, b) -> a | b));
        bit.set("bxor", fold("bxor", (a, b) -> a ^ b));
        bit.set("lshift", binary("lshift", (x, n) -> x << n));
        bit.set("rshift", binary("rshift", (x, n) -> x >>> n));
        bit.set("arshift", binary("arshift", (x, n) -> x >> n));
        bit.set("rol", binary("rol", Integer::rotateLeft));
        bit.set("ror", binary("ror", Integer::rotateRight));
        bit.set("tohex", new LuaLambda(args -> {
            int x = bits(args, 1, "tohex");
            int n = args.isnoneornil(2) ? 8 : bits(args, 2, "tohex");
            String hex = String.format(n < 0 ? "%016X" : "%016x", x & 0xffffffffL);
            int digits = Math.abs(n);
            return LuaValue.valueOf(digits <= 16 ? hex.substring(16 - digits) : "0".repeat(digits - 16) + hex);
        }));
        return bit;
    }

    /** Argument {@code i} as BitOp's 32-bit integer. */
    private static int bits(Varargs args, int i, String function) {
        LuaValue v = args.arg(i);
        LuaValue n = v.type() == LuaValue.TSTRING ? v.tonumber() : v;
        if (n.type() != LuaValue.TNUMBER) {
            throw ScriptError.badArgument(i, function, "number", args);
        }
        return (int) Double.doubleToRawLongBits(n.todouble() + ROUNDER);
    }

    private static LuaLambda unary(String function, IntUnaryOperator op) {
        return new LuaLambda(args -> LuaValue.valueOf(op.applyAsInt(bits(args, 1, function))));
    }

    private static LuaLambda binary(String function, IntBinaryOperator op) {
        return new LuaLambda(args -> LuaValue.valueOf(op.applyAsInt(bits(args, 1, function),
                bits(args, 2, function) & 31)));
    }

    private static LuaLambda fold(String function, IntBinaryOperator op) {
        return new LuaLambda(args -> {
            int result = bits(args, 1, function);
            for (int i = 2; i <= args.narg(); i++) {
                result = op.applyAsInt(result, bits(args, i, function));
            }
            return LuaValue.valueOf(result);
        });
    }
}
