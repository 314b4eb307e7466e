package io.netbench.http.internal.script;

/** A wrk script failed; the message is Lua's, with the script name and line. */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScriptException(String message) {
        super(message);
    }
}
