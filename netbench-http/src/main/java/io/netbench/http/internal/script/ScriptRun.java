package io.netbench.http.internal.script;

import io.netbench.core.LatencyStats;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A wrk script over a whole run: the main Lua state that runs {@code setup(thread)} for each
 * thread before the start and {@code done(summary, latency, requests)} after the end, and one
 * {@link ThreadScript} per thread, initialised with {@code init(args)}, in wrk's order.
 */
public final class ScriptRun {
    private final ScriptState main;
    private final List<ThreadScript> threads = new ArrayList<>();

    public ScriptRun(String name, String source, List<String> args, PrintStream out, URI uri, List<String> headers,
                     int threadCount, InetSocketAddress address) {
        main = new ScriptState(name, source, uri, headers, out);
        LuaValue setup = main.function("setup");
        for (int i = 0; i < threadCount; i++) {
            ThreadScript thread = new ThreadScript(name, source, uri, headers, out, address);
            if (setup != null) {
                ScriptState.run(() -> setup.call(thread.threadObject()));
            }
            thread.init(args);
            threads.add(thread);
        }
    }

    public ThreadScript thread(int i) {
        return threads.get(i);
    }

    /** The first script error of any thread, or null. */
    public String error() {
        return threads.stream().map(ThreadScript::error).filter(e -> e != null).findFirst().orElse(null);
    }

    /**
     * Calls {@code done(summary, latency, requests)} if the script defines it. Latency in
     * microseconds, requests in requests per second per thread sample, as in wrk.
     *
     * @param errors connect, read, write, status, timeout
     */
    public void done(long durationMicros, long requests, long bytes, long[] errors, Histogram latencyNanos,
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
        String[] kinds = {"connect", "read", "write", "status", "timeout"};
        for (int i = 0; i < kinds.length; i++) {
            errorTable.set(kinds[i], LuaValue.valueOf(errors[i]));
        }
        summary.set("errors", errorTable);
        ScriptState.run(() -> done.call(summary, stats(latencyNanos, 1000), stats(requestRate, 1)));
    }

    /** wrk's stats object: min, max, mean, stdev, percentile(p), [i] (value, count) and #. */
    private static LuaTable stats(Histogram histogram, double divisor) {
        LatencyStats stats = LatencyStats.of(histogram);
        List<long[]> values = new ArrayList<>();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            values.add(new long[] {(long) (v.getValueIteratedTo() / divisor), v.getCountAtValueIteratedTo()});
        }
        LuaTable table = new LuaTable();
        table.set("min", LuaValue.valueOf((long) (stats.minNanos() / divisor)));
        table.set("max", LuaValue.valueOf((long) (stats.maxNanos() / divisor)));
        table.set("mean", LuaValue.valueOf(stats.meanNanos() / divisor));
        table.set("stdev", LuaValue.valueOf(stats.stdevNanos() / divisor));
        table.set("percentile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                double p = args.arg(args.narg()).todouble();
                return LuaValue.valueOf((long) (stats.percentileNanos(Math.max(0, Math.min(100, p))) / divisor));
            }
        });
        LuaTable meta = new LuaTable();
        meta.set("__len", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(values.size());
            }
        });
        meta.set("__index", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                int i = args.arg(2).toint();
                if (i < 1 || i > values.size()) {
                    return LuaValue.NIL;
                }
                return LuaValue.varargsOf(LuaValue.valueOf(values.get(i - 1)[0]), LuaValue.valueOf(values.get(i - 1)[1]));
            }
        });
        table.setmetatable(meta);
        return table;
    }
}
