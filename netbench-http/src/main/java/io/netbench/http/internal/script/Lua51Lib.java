package io.netbench.http.internal.script;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

/**
 * The Lua 5.1 functions LuaJIT has and LuaJ (Lua 5.2) dropped: {@code unpack}, {@code loadstring},
 * {@code getfenv}, {@code setfenv}, {@code gcinfo}, {@code math.log10}, {@code table.getn},
 * {@code table.maxn}, {@code table.foreach}, {@code table.foreachi}, and {@code string.gfind} (Lua
 * 5.0's name of {@code string.gmatch}). A function's environment is its {@code _ENV} upvalue, so
 * {@code setfenv(f, t)} gives the Lua function {@code f} its own. A stack level instead of a
 * function needs the call stack that LuaJ keeps only with its debug library: {@code getfenv(level)}
 * gives the globals, {@code setfenv(level, t)} is refused as unsupported.
 */
final class Lua51Lib {
    private static final LuaValue ENV = LuaValue.valueOf("_ENV");

    private Lua51Lib() {
    }

    static void install(Globals globals) {
        LuaValue table = globals.get("table");
        globals.set("unpack", table.get("unpack"));
        globals.set("loadstring", globals.get("load"));
        globals.get("string").set("gfind", globals.get("string").get("gmatch"));
        globals.set("gcinfo", new LuaLambda(args -> LuaValue.valueOf(
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024)));
        globals.get("math").set("log10", new LuaLambda(args -> LuaValue.valueOf(Math.log10(args.checkdouble(1)))));
        table.set("getn", new LuaLambda(args -> LuaValue.valueOf(args.checktable(1).length())));
        table.set("maxn", new LuaLambda(args -> LuaValue.valueOf(maxn(args.checktable(1)))));
        table.set("foreach", new LuaLambda(args -> forEach(args.checktable(1), args.checkfunction(2), false)));
        table.set("foreachi", new LuaLambda(args -> forEach(args.checktable(1), args.checkfunction(2), true)));
        globals.set("getfenv", new LuaLambda(args -> {
            LuaValue f = args.arg1();
            UpValue env = f instanceof LuaClosure closure ? env(closure) : null;
            return env == null ? globals : env.getValue();
        }));
        globals.set("setfenv", new LuaLambda(args -> {
            LuaValue f = args.arg1();
            LuaTable env = args.checktable(2);
            if (!(f instanceof LuaClosure closure)) {
                throw ScriptError.unsupported("setfenv with a stack level or a Java function",
                        "LuaJ keeps no call stack; pass the Lua function itself");
            }
            for (int i = 0; i < closure.upValues.length; i++) {
                if (ENV.equals(closure.p.upvalues[i].name)) {
                    closure.upValues[i] = new UpValue(new LuaValue[] {env}, 0);
                }
            }
            return closure;
        }));
    }

    private static UpValue env(LuaClosure closure) {
        for (int i = 0; i < closure.upValues.length; i++) {
            if (ENV.equals(closure.p.upvalues[i].name)) {
                return closure.upValues[i];
            }
        }
        return null;
    }

    private static double maxn(LuaTable t) {
        double max = 0;
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            if (e.arg1().type() == LuaValue.TNUMBER) {
                max = Math.max(max, e.arg1().todouble());
            }
        }
        return max;
    }

    /** {@code table.foreach}/{@code foreachi}: calls {@code f(k, v)} until it returns non-nil, which is returned. */
    private static LuaValue forEach(LuaTable t, LuaValue f, boolean sequence) {
        if (sequence) {
            for (int i = 1, n = t.length(); i <= n; i++) {
                LuaValue r = f.call(LuaValue.valueOf(i), t.get(i));
                if (!r.isnil()) {
                    return r;
                }
            }
            return LuaValue.NIL;
        }
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            LuaValue r = f.call(e.arg1(), e.arg(2));
            if (!r.isnil()) {
                return r;
            }
        }
        return LuaValue.NIL;
    }
}
