package io.netbench.http.internal.script;

import io.netbench.core.ErrorCounts;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A wrk script over a whole run, in wrk's order: the main Lua state resolves the target
 * ({@code wrk.resolve}); then for each thread a {@link ThreadScript} is made, set up from the main
 * state ({@code wrk.setup(thread)}, which calls {@code setup}) and initialised
 * ({@code wrk.init(args)}, which calls {@code init}); the first thread's request is built once to
 * count the requests per send. After the run the main state calls {@code done}.
 */
public final class ScriptRun {
    private final ScriptState main;
    private final List<ThreadScript> threads = new ArrayList<>();

    /**
     * @throws ScriptException if the script does not load or a hook fails before the run
     */
    public ScriptRun(String name, String source, List<String> args, PrintStream out, URI uri, List<String> headers,
                     int threadCount, InetSocketAddress address) {
        main = new ScriptState(name, source, uri, headers, out);
        String host = main.wrk.get("host").tojstring();
        String service = uri.getPort() < 0 ? uri.getScheme() : Integer.toString(uri.getPort());
        ScriptState.run(() -> main.wrk.get("resolve").call(LuaValue.valueOf(host), LuaValue.valueOf(service)));
        LuaValue addrs = main.wrk.get("addrs");
        if (!addrs.istable() || addrs.length() == 0) {
            throw new ScriptException("unable to connect to " + host + ":" + service, false, null);
        }
        int pipeline = 1;
        for (int i = 0; i < threadCount; i++) {
            ThreadScript thread = new ThreadScript(name, source, uri, headers, out, address);
            ScriptState.run(() -> main.wrk.get("setup").call(thread.threadObject()));
            thread.init(uri.toString(), args);
            if (i == 0) {
                pipeline = thread.countRequests();
            }
            thread.pipeline(pipeline);
            threads.add(thread);
        }
    }

    /** The script of thread {@code i}, the requests that thread's connections send. */
    public ThreadScript thread(int i) {
        return threads.get(i);
    }

    /** The first script error of any thread, or null. */
    public ScriptException error() {
        return threads.stream().map(ThreadScript::error).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * Calls {@code done(summary, latency, requests)} if the script defines it. Latency in
     * microseconds, requests in requests per second per thread sample, as in wrk.
     *
     * @throws ScriptException if {@code done} fails
     */
    public void done(long durationMicros, long requests, long bytes, ErrorCounts errors, Histogram latencyNanos,
                     Histogram requestRate) {
        LuaValue done = main.function("done");
        if (done == null) {
            return;
        }
        LuaTable summary = new LuaTable();
        summary.set("duration", LuaValue.valueOf(durationMicros));
        summary.set("requests", LuaValue.valueOf(requests));
        summary.set("bytes", LuaValue.valueOf(bytes));
        LuaTable errorTable = new LuaTable();
        errorTable.set("connect", LuaValue.valueOf(errors.connect()));
        errorTable.set("read", LuaValue.valueOf(errors.read()));
        errorTable.set("write", LuaValue.valueOf(errors.write()));
        errorTable.set("status", LuaValue.valueOf(errors.status()));
        errorTable.set("timeout", LuaValue.valueOf(errors.timeout()));
        summary.set("errors", errorTable);
        ScriptState.run(() -> done.call(summary, WrkStats.of(latencyNanos, 1000), WrkStats.of(requestRate, 1)));
    }
}
