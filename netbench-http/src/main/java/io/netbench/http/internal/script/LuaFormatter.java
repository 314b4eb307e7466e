package io.netbench.http.internal.script;

import io.netbench.core.PrintfNumbers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.format} as LuaJIT 2.1 does it, byte for byte: C's conversions with LuaJIT's
 * rounding (ties away from zero), its integer conversions, {@code %q} quoting and error messages.
 * Text is handled as ISO-8859-1 so that every byte of a Lua string passes through unchanged.
 */
final class LuaFormatter extends VarArgFunction {
    private final LuaValue tostring;

    /** @param tostring the state's {@code tostring}, for {@code %s} and {@code %q} */
    LuaFormatter(LuaValue tostring) {
        this.tostring = tostring;
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (args.arg1().type() != TSTRING && args.arg1().type() != TNUMBER) {
            throw ScriptError.badArgument(1, "format", "string", args);
        }
        LuaString pattern = args.arg1().strvalue();
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int arg = 1;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.luaByte(i);
            if (c != '%') {
                out.append((char) c);
                i++;
            } else if (i + 1 < pattern.length() && pattern.luaByte(i + 1) == '%') {
                out.append('%');
                i += 2;
            } else {
                FormatSpec spec = FormatSpec.parse(pattern, i);
                arg++;
                if (arg > args.narg()) {
                    throw ScriptError.badArgument(arg, "format", "value expected");
                }
                out.append(convert(spec, args, arg));
                i = spec.end;
            }
        }
        return LuaValue.valueOf(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private String convert(FormatSpec spec, Varargs args, int arg) {
        return switch (spec.conversion) {
            case 'd', 'i' -> signed(spec, LuaNumbers.toInt64(number(args, arg)));
            case 'u' -> digits(spec, "", Long.toUnsignedString(LuaNumbers.toUnsigned64(number(args, arg))));
            case 'x', 'X', 'o' -> unsigned(spec, LuaNumbers.toUnsigned64(number(args, arg)));
            case 'c' -> spec.pad("", String.valueOf((char) (LuaNumbers.toInt32(number(args, arg)) & 0xff)), false);
            case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A' -> floating(spec, number(args, arg));
            case 'q' -> quote(text(args.arg(arg)));
            case 'p' -> pointer(args.arg(arg));
            default -> {
                String s = text(args.arg(arg));
                yield spec.pad("", spec.precision >= 0 && spec.precision < s.length()
                        ? s.substring(0, spec.precision) : s, false);
            }
        };
    }

    private static double number(Varargs args, int arg) {
        LuaValue value = args.arg(arg);
        LuaValue n = value.type() == TSTRING ? value.tonumber() : value;
        if (n.type() != TNUMBER) {
            throw ScriptError.badArgument(arg, "format", "number", args);
        }
        return n.todouble();
    }

    /** A value as {@code tostring} gives it, one char per byte. */
    private String text(LuaValue value) {
        LuaValue s = tostring.call(value);
        return new String(s.checkstring().m_bytes, s.checkstring().m_offset, s.checkstring().m_length,
                StandardCharsets.ISO_8859_1);
    }

    private static String signed(FormatSpec spec, long k) {
        return digits(spec, k < 0 ? "-" : spec.positiveSign(), Long.toUnsignedString(k < 0 ? -k : k));
    }

    private static String unsigned(FormatSpec spec, long k) {
        if (spec.conversion == 'o') {
            String octal = Long.toOctalString(k);
            boolean lead = spec.alternate && !octal.startsWith("0") && spec.precision <= octal.length();
            return digits(spec, "", lead ? "0" + octal : octal);
        }
        String hex = Long.toHexString(k);
        String prefix = spec.alternate && k != 0 ? "0x" : "";
        return spec.conversion == 'X' ? digits(spec, prefix.toUpperCase(Locale.ROOT), hex.toUpperCase(Locale.ROOT))
                : digits(spec, prefix, hex);
    }

    /** Integer digits with the precision as the least count of digits ({@code %.0d} of 0 prints none). */
    private static String digits(FormatSpec spec, String sign, String digits) {
        String body = spec.precision == 0 && digits.equals("0") ? "" : digits;
        if (spec.precision > body.length()) {
            body = "0".repeat(spec.precision - body.length()) + body;
        }
        return spec.pad(sign, body, spec.precision < 0);
    }

    private static String floating(FormatSpec spec, double n) {
        int precision = spec.precision < 0 ? 6 : spec.precision;
        String text = switch (Character.toLowerCase(spec.conversion)) {
            case 'e' -> PrintfNumbers.exponential(n, precision, LuaNumbers.ROUNDING);
            case 'f' -> PrintfNumbers.fixed(n, precision, LuaNumbers.ROUNDING);
            case 'g' -> PrintfNumbers.general(n, precision, spec.alternate, LuaNumbers.ROUNDING);
            default -> HexFloat.format(n, spec.precision, spec.alternate);
        };
        text = spec.alternate ? PrintfNumbers.withPoint(text) : text;
        text = Character.isUpperCase(spec.conversion) ? text.toUpperCase(Locale.ROOT) : text;
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        String prefix = body.startsWith("0x") || body.startsWith("0X") ? body.substring(0, 2) : "";
        // LuaJIT gives NaN the space flag's space, never a plus sign.
        String sign = negative ? "-" : Double.isNaN(n) ? (spec.space ? " " : "") : spec.positiveSign();
        return spec.pad(sign + prefix, body.substring(prefix.length()), Double.isFinite(n));
    }

    /** {@code %q}: LuaJIT's quoting, which Lua reads back as the same bytes. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n') {
                out.append('\\').append(c);
            } else if (c < 32 || c == 127) {
                boolean digitNext = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
                out.append('\\').append(digitNext ? String.format("%03d", (int) c) : Integer.toString(c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String pointer(LuaValue value) {
        int type = value.type();
        if (type == TNIL || type == TBOOLEAN || type == TNUMBER) {
            return "NULL";
        }
        return String.format("0x%08x", System.identityHashCode(value));
    }
}
