package io.netbench.http.internal.script;

import java.net.InetSocketAddress;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A wrk thread as scripts see it ({@code wrk.thread}, and {@code setup}'s argument in the main
 * state): userdata with {@code thread.addr} (get and set), {@code thread:get(name)} and
 * {@code thread:set(name, value)} on the thread's globals, and {@code thread:stop()}. Values cross
 * between Lua states as wrk copies them: nil, booleans, numbers, strings and tables of those.
 */
final class WrkThread {
    private final LuaValue userdata;
    private volatile InetSocketAddress address;
    private volatile Runnable stop = () -> { };

    WrkThread(Globals globals, InetSocketAddress address) {
        this.address = address;
        LuaValue get = new LuaLambda(args -> copy(globals.get(args.checkjstring(2))));
        LuaValue set = new LuaLambda(args -> {
            globals.set(args.checkjstring(2), copy(args.arg(3)));
            return LuaValue.NONE;
        });
        LuaValue stopper = new LuaLambda(args -> {
            stop();
            return LuaValue.NONE;
        });
        LuaTable meta = new LuaTable();
        meta.set("__index", new LuaLambda(args -> switch (args.arg(2).tojstring()) {
            case "get" -> get;
            case "set" -> set;
            case "stop" -> stopper;
            case "addr" -> WrkAddr.of(this.address);
            default -> LuaValue.NIL;
        }));
        meta.set("__newindex", new LuaLambda(args -> {
            if (!args.arg(2).tojstring().equals("addr")) {
                throw ScriptError.raise("cannot set '" + args.arg(3).typename() + "' on thread", 1);
            }
            this.address = WrkAddr.check(args.arg(3), "__newindex");
            return LuaValue.NONE;
        }));
        meta.set("__metatable", "wrk.thread");
        userdata = new LuaUserdata(this, meta);
    }

    LuaValue userdata() {
        return userdata;
    }

    InetSocketAddress address() {
        return address;
    }

    /** What {@code thread:stop()} does: stop the thread's connections. */
    void onStop(Runnable stop) {
        this.stop = stop;
    }

    void stop() {
        stop.run();
    }

    /** A value as wrk copies it from one Lua state to another. */
    private static LuaValue copy(LuaValue value) {
        switch (value.type()) {
            case LuaValue.TNIL, LuaValue.TBOOLEAN, LuaValue.TNUMBER, LuaValue.TSTRING:
                return value;
            case LuaValue.TTABLE:
                LuaTable copy = new LuaTable();
                for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
                    copy.set(copy(e.arg1()), copy(e.arg(2)));
                }
                return copy;
            default:
                throw ScriptError.raise("cannot transfer '" + value.typename() + "' to thread", 1);
        }
    }
}
