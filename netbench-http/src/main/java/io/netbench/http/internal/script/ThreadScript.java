package io.netbench.http.internal.script;

import io.netbench.http.internal.client.RequestSource;
import io.netbench.http.internal.client.RequestTemplate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A wrk thread's own Lua state and the requests it makes: {@code request()} per send when the
 * script defines it, else one request built once with {@code wrk.format()} after {@code init} (a
 * script that only sets method, body or headers costs nothing per request). {@code response()} is
 * called only when defined, {@code delay()} before each send when defined. A script error stops
 * the thread and is kept for the run to report.
 */
public final class ThreadScript implements RequestSource {
    private final ScriptState state;
    private final LuaValue request;
    private final LuaValue response;
    private final LuaValue delay;
    private final LuaTable thread = new LuaTable();
    private RequestTemplate fixed;
    private int pipeline = 1;
    private Runnable stop = () -> { };
    private InetSocketAddress address;
    private volatile String error;

    ThreadScript(String name, String source, URI uri, List<String> headers, PrintStream out,
                 InetSocketAddress address) {
        this.state = new ScriptState(name, source, uri, headers, out);
        this.address = address;
        this.request = state.function("request");
        this.response = state.function("response");
        this.delay = state.function("delay");
        LuaTable meta = new LuaTable();
        meta.set("__index", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                String key = args.arg(2).tojstring();
                return switch (key) {
                    case "addr" -> LuaValue.valueOf(ThreadScript.this.address.getAddress().getHostAddress() + ":"
                            + ThreadScript.this.address.getPort());
                    case "get" -> new VarArgFunction() {
                        @Override
                        public Varargs invoke(Varargs a) {
                            return state.globals.get(a.arg(2));
                        }
                    };
                    case "set" -> new VarArgFunction() {
                        @Override
                        public Varargs invoke(Varargs a) {
                            state.globals.set(a.arg(2), a.arg(3));
                            return LuaValue.NONE;
                        }
                    };
                    case "stop" -> new VarArgFunction() {
                        @Override
                        public Varargs invoke(Varargs a) {
                            stop.run();
                            return LuaValue.NONE;
                        }
                    };
                    default -> LuaValue.NIL;
                };
            }
        });
        meta.set("__newindex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.arg(2).tojstring().equals("addr")) {
                    ThreadScript.this.address = address(args.arg(3).tojstring());
                }
                return LuaValue.NONE;
            }
        });
        thread.setmetatable(meta);
        state.wrk.set("thread", thread);
    }

    /** The thread object wrk's {@code setup(thread)} receives. */
    LuaTable threadObject() {
        return thread;
    }

    /** Runs {@code init(args)}, then prepares the requests. */
    void init(List<String> args) {
        LuaValue init = state.function("init");
        if (init != null) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < args.size(); i++) {
                table.set(i + 1, args.get(i));
            }
            ScriptState.run(() -> init.call(table));
        }
        if (request != null) {
            pipeline = Math.max(1, countRequests(ScriptState.run(() -> request.call()).tojstring()));
        } else {
            String text = state.format(LuaValue.NIL, LuaValue.NIL, LuaValue.NIL, LuaValue.NIL);
            pipeline = Math.max(1, countRequests(text));
            fixed = RequestTemplate.of(text.getBytes(StandardCharsets.ISO_8859_1), pipeline);
        }
    }

    private static int countRequests(String text) {
        int n = 0;
        for (int i = text.indexOf(" HTTP/1."); i >= 0; i = text.indexOf(" HTTP/1.", i + 1)) {
            n++;
        }
        return n;
    }

    static InetSocketAddress address(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) {
            throw new org.luaj.vm2.LuaError("bad address " + addr + " (expected ip:port)");
        }
        return new InetSocketAddress(addr.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(addr.substring(colon + 1)));
    }

    /** Where this thread connects (a script may set {@code thread.addr} in setup). */
    public InetSocketAddress address() {
        return address;
    }

    /** The first script error on this thread, or null. */
    public String error() {
        return error;
    }

    @Override
    public ByteBuf next() {
        if (fixed != null) {
            return fixed.next();
        }
        try {
            return Unpooled.wrappedBuffer(ScriptState.run(() -> request.call()).tojstring()
                    .getBytes(StandardCharsets.ISO_8859_1));
        } catch (ScriptException e) {
            fail(e);
            return Unpooled.EMPTY_BUFFER;
        }
    }

    @Override
    public int pipeline() {
        return pipeline;
    }

    @Override
    public boolean wantsResponse() {
        return response != null;
    }

    @Override
    public void response(int status, List<String> headers, String body) {
        LuaTable table = new LuaTable();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            table.set(headers.get(i), headers.get(i + 1));
        }
        try {
            ScriptState.run(() -> response.call(LuaValue.valueOf(status), table,
                    LuaValue.valueOf(body.getBytes(StandardCharsets.ISO_8859_1))));
        } catch (ScriptException e) {
            fail(e);
        }
    }

    @Override
    public long delayMillis() {
        if (delay == null) {
            return -1;
        }
        try {
            return ScriptState.run(() -> delay.call()).tolong();
        } catch (ScriptException e) {
            fail(e);
            return -1;
        }
    }

    @Override
    public void close() {
        if (fixed != null) {
            fixed.close();
        }
    }

    @Override
    public void onStop(Runnable stop) {
        this.stop = stop;
    }

    private void fail(ScriptException e) {
        if (error == null) {
            error = e.getMessage();
        }
        stop.run();
    }
}
