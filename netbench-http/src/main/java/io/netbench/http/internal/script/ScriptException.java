package io.netbench.http.internal.script;

/**
 * A wrk script failed: one line, {@code name:line: message}, with the Lua error behind it as the
 * cause. {@link #badScript()} tells a script that cannot run here (it does not compile, fails
 * while loading, or uses what netbench does not support) from one whose hook failed during the run.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean badScript;

    ScriptException(String message, boolean badScript, Throwable cause) {
        super(message, cause);
        this.badScript = badScript;
    }

    /** Whether the script must change to run here (exit 2), rather than having failed during the run (exit 1). */
    public boolean badScript() {
        return badScript;
    }

    /** The same failure, as one that makes the script unfit to run here (it was raised while loading). */
    ScriptException asBadScript() {
        return badScript ? this : new ScriptException(getMessage(), true, getCause());
    }
}
