package io.netbench.http.internal.script;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * What LuaJIT has and netbench's Lua cannot give: {@code ffi} (C types and calls), {@code jit}
 * (control of the JIT compiler), {@code debug} (LuaJ's slows every call and changes error
 * messages), {@code module} and {@code newproxy}. Using any of them raises an error that names
 * the feature; {@code require "bit"} and {@code require "wrk"} give what LuaJIT and wrk give.
 */
final class Unsupported {
    private static final String NO_FFI = "scripts run on LuaJ, a Lua in Java, which cannot call C";
    private static final String NO_JIT = "scripts run on LuaJ, which has no LuaJIT compiler to control";
    private static final String NO_DEBUG = "LuaJ's debug library would slow every call of every script";

    private Unsupported() {
    }

    static void install(Globals globals, LuaTable wrk) {
        LuaTable loaded = globals.get("package").get("loaded").checktable();
        loaded.set("bit", globals.get("bit"));
        loaded.set("wrk", wrk);
        LuaValue require = globals.get("require");
        globals.set("require", new LuaLambda(args -> {
            String module = args.checkjstring(1);
            if (module.equals("ffi")) {
                throw ScriptError.unsupported("LuaJIT's ffi library", NO_FFI);
            }
            if (module.equals("jit") || module.startsWith("jit.")) {
                throw ScriptError.unsupported("LuaJIT's " + module + " library", NO_JIT);
            }
            return require.invoke(args);
        }));
        globals.set("jit", refusing("jit", NO_JIT));
        globals.set("debug", refusing("debug", NO_DEBUG));
        globals.set("module", refusing("module()", "Lua 5.1's module system is not in LuaJ; return a table instead"));
        globals.set("newproxy", refusing("newproxy()", "LuaJ has no such function; use a table with a metatable"));
    }

    /** A table whose every field, or a function whose every call, raises "{@code feature.key} is not supported". */
    private static LuaValue refusing(String feature, String why) {
        if (feature.endsWith("()")) {
            return new LuaLambda(args -> {
                throw ScriptError.unsupported(feature, why);
            });
        }
        LuaValue refuse = new LuaLambda(args -> {
            throw ScriptError.unsupported(feature + "." + args.arg(2).tojstring(), why);
        });
        LuaTable meta = new LuaTable();
        meta.set("__index", refuse);
        meta.set("__newindex", refuse);
        LuaTable table = new LuaTable();
        table.setmetatable(meta);
        return table;
    }
}
