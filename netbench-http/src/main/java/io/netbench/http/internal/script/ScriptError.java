package io.netbench.http.internal.script;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * An error raised in a script as LuaJIT words it: {@code name:line: message}, or the bare message
 * for {@code error(message, 0)}. LuaJ's own runtime errors read {@code name:line message};
 * {@link #text(LuaError)} gives any of them LuaJIT's form. An error may mark a LuaJIT feature
 * netbench does not have ({@link #unsupported()}): the script must change to run here.
 */
final class ScriptError extends LuaError {
    private static final long serialVersionUID = 1L;

    private final String raw;
    private final boolean unsupported;

    private ScriptError(String message, int level, boolean unsupported) {
        super(message, level);
        this.raw = message;
        this.unsupported = unsupported;
    }

    /** {@code error(message, level)} with a string message. */
    static ScriptError raise(String message, int level) {
        return new ScriptError(message, level, false);
    }

    /** A LuaJIT feature netbench's Lua does not have; {@code feature} names it, {@code why} says why. */
    static ScriptError unsupported(String feature, String why) {
        return new ScriptError(feature + " is not supported by netbench (" + why + ")", 1, true);
    }

    /** {@code bad argument #n to 'function' (expected)}, as LuaJIT words it. */
    static ScriptError badArgument(int n, String function, String expected) {
        return raise("bad argument #" + n + " to '" + function + "' (" + expected + ")", 1);
    }

    /** {@code bad argument #n to 'function' (number expected, got type)}, for argument n of {@code args}. */
    static ScriptError badArgument(int n, String function, String expected, Varargs args) {
        return badArgument(n, function, expected + " expected, got " + (n > args.narg() ? "no value"
                : args.arg(n).typename()));
    }

    boolean unsupported() {
        return unsupported;
    }

    /** Where the error was raised ({@code name:line}), once it has left the Lua function that raised it. */
    String where() {
        return fileline;
    }

    @Override
    public String getMessage() {
        if (traceback != null) {
            return traceback;
        }
        return level == 0 || fileline == null ? raw : fileline + ": " + raw;
    }

    /** The message of any Lua error in LuaJIT's form ({@code name:line: message}). */
    static String text(LuaError e) {
        String message = e.getMessage() == null ? "nil" : e.getMessage();
        if (e instanceof ScriptError) {
            return message;
        }
        if (message.startsWith("[string \"")) {
            // A LuaJ syntax error: [string "name"]:line: message.
            return message.replaceFirst("^\\[string \"([^\"]*)\"\\]", "$1");
        }
        // A LuaJ runtime error: name:line message.
        return message.replaceFirst("^((?:(?!: ).)*?:(?:\\d+|\\?)) ", "$1: ");
    }

    /** What {@code pcall} returns for {@code e}: the error object, its message in LuaJIT's form if a string. */
    static LuaValue value(LuaError e) {
        LuaValue object = e.getMessageObject();
        if (object == null) {
            return LuaValue.NIL;
        }
        return object.type() == LuaValue.TSTRING && !(e instanceof ScriptError) ? LuaValue.valueOf(text(e)) : object;
    }
}
