package io.netbench.http.internal.script;

import java.util.function.Function;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** A Lua function written as a Java lambda from its arguments to its results. */
final class LuaLambda extends VarArgFunction {
    private final Function<Varargs, Varargs> body;

    LuaLambda(Function<Varargs, Varargs> body) {
        this.body = body;
    }

    @Override
    public Varargs invoke(Varargs args) {
        return body.apply(args);
    }
}
