package io.netbench.http.internal.script;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The base functions whose output differs between LuaJ and LuaJIT, replaced by LuaJIT's:
 * numbers in {@code tostring}, {@code print}, {@code io.write}, {@code table.concat} and
 * {@code string.format}; error messages as {@code error}, {@code pcall} and {@code xpcall} give
 * them ({@code name:line: message}, none for {@code error(message, 0)}).
 */
final class LuaJitBase {
    private LuaJitBase() {
    }

    static void install(Globals globals) {
        LuaValue luajTostring = globals.get("tostring");
        LuaValue tostring = new LuaLambda(args -> {
            if (args.narg() == 0) {
                throw ScriptError.badArgument(1, "tostring", "value expected");
            }
            return args.arg1().type() == LuaValue.TNUMBER ? LuaNumbers.printable(args.arg1())
                    : luajTostring.call(args.arg1());
        });
        globals.set("tostring", tostring);
        globals.set("print", new Print(globals));
        globals.get("string").set("format", new LuaFormatter(tostring));
        globals.get("table").set("concat", new Concat());
        LuaValue ioWrite = globals.get("io").get("write");
        globals.get("io").set("write", new LuaLambda(args -> {
            LuaValue[] values = new LuaValue[args.narg()];
            for (int i = 0; i < values.length; i++) {
                values[i] = LuaNumbers.printable(args.arg(i + 1));
            }
            return ioWrite.invoke(values);
        }));
        globals.set("error", new LuaLambda(args -> {
            LuaValue message = args.arg1();
            if (message.type() == LuaValue.TSTRING || message.type() == LuaValue.TNUMBER) {
                throw ScriptError.raise(LuaNumbers.printable(message).tojstring(), args.optint(2, 1));
            }
            throw new LuaError(message);
        }));
        globals.set("pcall", new LuaLambda(args -> protectedCall(args.checkvalue(1), args.subargs(2))));
        globals.set("xpcall", new LuaLambda(args -> {
            LuaThread thread = globals.running;
            LuaValue previous = thread.errorfunc;
            LuaValue handler = args.checkvalue(2);
            // LuaJ hands the handler its own wording of the message; give it LuaJIT's.
            thread.errorfunc = new LuaLambda(message -> handler.call(message.arg1().isstring()
                    ? LuaValue.valueOf(ScriptError.text(new LuaError(message.arg1().tojstring()))) : message.arg1()));
            try {
                return protectedCall(args.arg1(), args.subargs(3));
            } finally {
                thread.errorfunc = previous;
            }
        }));
    }

    private static Varargs protectedCall(LuaValue f, Varargs args) {
        try {
            return LuaValue.varargsOf(LuaValue.TRUE, f.invoke(args));
        } catch (LuaError e) {
            return LuaValue.varargsOf(LuaValue.FALSE, ScriptError.value(e));
        } catch (StackOverflowError e) {
            return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("stack overflow"));
        }
    }

    /** {@code print}: each argument through the global {@code tostring}, tab-separated, as Lua 5.1 does. */
    private static final class Print extends VarArgFunction {
        private final Globals globals;

        Print(Globals globals) {
            this.globals = globals;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue tostring = globals.get("tostring");
            for (int i = 1; i <= args.narg(); i++) {
                LuaValue s = tostring.call(args.arg(i));
                if (!s.isstring()) {
                    throw ScriptError.raise("'tostring' must return a string to 'print'", 1);
                }
                if (i > 1) {
                    globals.STDOUT.write('\t');
                }
                LuaString bytes = s.strvalue();
                globals.STDOUT.write(bytes.m_bytes, bytes.m_offset, bytes.m_length);
            }
            globals.STDOUT.println();
            return NONE;
        }
    }

    /** {@code table.concat(list [, sep [, i [, j]]])} with LuaJIT's numbers and message. */
    private static final class Concat extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaTable list = args.checktable(1);
            LuaString separator = args.optstring(2, LuaValue.EMPTYSTRING);
            int first = args.optint(3, 1);
            int last = args.isnoneornil(4) ? list.length() : args.checkint(4);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = first; i <= last; i++) {
                LuaValue v = list.get(i);
                if (v.type() != TSTRING && v.type() != TNUMBER) {
                    throw ScriptError.raise("invalid value (" + v.typename() + ") at index " + i
                            + " in table for 'concat'", 1);
                }
                LuaString s = LuaNumbers.printable(v).strvalue();
                out.write(s.m_bytes, s.m_offset, s.m_length);
                if (i < last) {
                    out.write(separator.m_bytes, separator.m_offset, separator.m_length);
                }
            }
            return LuaValue.valueOf(out.toByteArray());
        }
    }
}
