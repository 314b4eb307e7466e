package io.netbench.http.internal.script;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * One Lua state running a wrk script: LuaJ's standard libraries made to behave as LuaJIT's
 * ({@link LuaJitBase}, {@link Lua51Lib}, {@link BitLib}, {@link Unsupported}) and wrk's global
 * {@link WrkTable wrk table}. wrk runs one such state per thread plus one for {@code setup} and
 * {@code done}; so does netbench.
 */
final class ScriptState {
    final Globals globals = JsePlatform.standardGlobals();
    final LuaTable wrk;

    /** Loads and runs the script's main chunk; a failure is a {@link ScriptException#badScript() bad script}. */
    ScriptState(String name, String source, URI uri, List<String> headers, PrintStream out) {
        globals.STDOUT = out;
        LuaJitBase.install(globals);
        Lua51Lib.install(globals);
        globals.set("bit", BitLib.create());
        wrk = WrkTable.create(globals, uri, headers);
        globals.set("wrk", wrk);
        Unsupported.install(globals, wrk);
        try {
            run(() -> globals.load(source, name).call());
        } catch (ScriptException e) {
            throw e.asBadScript();
        }
    }

    /** The global function {@code name}, or {@code null} if the script does not define it. */
    LuaValue function(String name) {
        LuaValue f = globals.get(name);
        return f.isfunction() ? f : null;
    }

    /**
     * Runs Lua code, turning a Lua error into a one-line {@link ScriptException}: the message as
     * LuaJIT words it, always with the script and line, bad script if it uses what is unsupported.
     */
    static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (LuaError e) {
            String message = ScriptError.text(e);
            if (e instanceof ScriptError error && error.where() != null && !message.startsWith(error.where())) {
                message = error.where() + ": " + message;
            }
            throw new ScriptException(message.lines().findFirst().orElse(""),
                    e instanceof ScriptError error && error.unsupported(), e);
        } catch (StackOverflowError e) {
            throw new ScriptException("stack overflow", false, e);
        }
    }
}
