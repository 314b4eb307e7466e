package io.netbench.http.internal.script;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A wrk thread's own Lua state and the requests it makes: {@code request()} per send when the
 * script defines it, else wrk's {@code wrk.request()} called once ({@link #fixedRequest()}: a
 * script that only sets method, body or headers costs nothing per request). {@code response()} is
 * called only when defined, {@code delay()} before each send when defined. A script error stops
 * the thread and is kept for the run to report. Called only on the thread's event loop once the
 * run has started.
 */
public final class ThreadScript {
    private final ScriptState state;
    private final WrkThread thread;
    private LuaValue request;
    private LuaValue response;
    private LuaValue delay;
    private byte[] fixed;
    private int pipeline = 1;
    private volatile ScriptException error;

    ThreadScript(String name, String source, URI uri, List<String> headers, PrintStream out,
                 InetSocketAddress address) {
        this.state = new ScriptState(name, source, uri, headers, out);
        this.thread = new WrkThread(state.globals, address);
        state.wrk.set("thread", thread.userdata());
    }

    /** The thread object wrk's {@code setup(thread)} receives. */
    LuaValue threadObject() {
        return thread.userdata();
    }

    /** Calls {@code wrk.init(args)}: {@code args[0]} is the URL, then the script's arguments, as in wrk. */
    void init(String url, List<String> args) {
        LuaTable table = new LuaTable();
        table.set(0, LuaValue.valueOf(url));
        for (int i = 0; i < args.size(); i++) {
            table.set(i + 1, args.get(i));
        }
        ScriptState.run(() -> state.wrk.get("init").call(table));
        request = state.function("request");
        response = state.function("response");
        delay = state.function("delay");
    }

    /** The requests one send holds, from a first call of the request hook (which wrk makes on its first thread). */
    int countRequests() {
        return countRequests(callRequest());
    }

    /** Sets the requests per send; a script without {@code request()} builds its bytes now, once. */
    void pipeline(int pipeline) {
        this.pipeline = pipeline;
        if (request == null) {
            LuaString text = callRequest();
            fixed = java.util.Arrays.copyOfRange(text.m_bytes, text.m_offset, text.m_offset + text.m_length);
        }
    }

    /** {@return the bytes of every send, when the script has no {@code request()}; else null} */
    public byte[] fixedRequest() {
        return fixed == null ? null : fixed.clone();
    }

    /** wrk's script_request: the global {@code request()}, else {@code wrk.request()}. */
    private LuaString callRequest() {
        LuaValue hook = request != null ? request : state.wrk.get("request");
        return ScriptState.run(hook::call).checkstring();
    }

    private static int countRequests(LuaString text) {
        String s = text.tojstring();
        int n = 0;
        for (int i = s.indexOf(" HTTP/1."); i >= 0; i = s.indexOf(" HTTP/1.", i + 1)) {
            n++;
        }
        return Math.max(1, n);
    }

    /** {@return where this thread connects (a script may set {@code thread.addr} in setup)} */
    public InetSocketAddress address() {
        return thread.address();
    }

    /** The first script error on this thread, or null. */
    ScriptException error() {
        return error;
    }

    /** {@return the next send's bytes from the script's {@code request()}; none once it failed} */
    public ByteBuf nextRequest() {
        try {
            LuaString text = callRequest();
            return Unpooled.wrappedBuffer(text.m_bytes, text.m_offset, text.m_length);
        } catch (ScriptException e) {
            fail(e);
            return Unpooled.EMPTY_BUFFER;
        }
    }

    /** {@return the requests one send holds} */
    public int pipeline() {
        return pipeline;
    }

    /** {@return whether the script has a {@code response()} hook} */
    public boolean wantsResponse() {
        return response != null;
    }

    /** Calls the script's {@code response(status, headers, body)}; {@code headers} alternate name and value. */
    public void response(int status, List<String> headers, String body) {
        LuaTable table = new LuaTable();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            table.set(headers.get(i), headers.get(i + 1));
        }
        try {
            ScriptState.run(() -> response.call(LuaValue.valueOf(status), table,
                    LuaValue.valueOf(body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        } catch (ScriptException e) {
            fail(e);
        }
    }

    /** {@return the script's {@code delay()} in milliseconds, or -1 without one} */
    public long delayMillis() {
        if (delay == null) {
            return -1;
        }
        try {
            return ScriptState.run(delay::call).tolong();
        } catch (ScriptException e) {
            fail(e);
            return -1;
        }
    }

    /** Sets what the script's {@code thread:stop()} and a failed hook do: stop this thread's connections. */
    public void onStop(Runnable stop) {
        thread.onStop(stop);
    }

    private void fail(ScriptException e) {
        if (error == null) {
            error = e;
        }
        thread.stop();
    }
}
