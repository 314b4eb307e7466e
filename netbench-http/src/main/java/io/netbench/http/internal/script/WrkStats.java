package io.netbench.http.internal.script;

import io.netbench.core.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The stats objects {@code done(summary, latency, requests)} receives, as wrk makes them:
 * userdata with {@code min}, {@code max}, {@code mean}, {@code stdev}, {@code :percentile(p)},
 * {@code #} (the count of distinct values) and {@code (i)} (the i-th distinct value and its count);
 * netbench also answers {@code [i]} like {@code (i)}.
 */
final class WrkStats {
    private WrkStats() {
    }

    /** A histogram's stats with every value divided by {@code divisor} (1000: nanoseconds to microseconds). */
    static LuaValue of(Histogram histogram, double divisor) {
        LatencyStats stats = LatencyStats.of(histogram);
        List<long[]> values = new ArrayList<>();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            values.add(new long[] {(long) (v.getValueIteratedTo() / divisor), v.getCountAtValueIteratedTo()});
        }
        LuaValue percentile = new LuaLambda(args -> {
            double p = args.checkdouble(args.narg());
            return LuaValue.valueOf((long) (stats.percentileNanos(Math.max(0, Math.min(100, p))) / divisor));
        });
        LuaValue at = new LuaLambda(args -> {
            int i = args.checkint(2);
            return i < 1 || i > values.size() ? LuaValue.NIL
                    : LuaValue.varargsOf(LuaValue.valueOf(values.get(i - 1)[0]), LuaValue.valueOf(values.get(i - 1)[1]));
        });
        LuaTable meta = new LuaTable();
        meta.set("__index", new LuaLambda(args -> switch (args.arg(2).tojstring()) {
            case "min" -> LuaValue.valueOf((long) (stats.minNanos() / divisor));
            case "max" -> LuaValue.valueOf((long) (stats.maxNanos() / divisor));
            case "mean" -> LuaValue.valueOf(stats.meanNanos() / divisor);
            case "stdev" -> LuaValue.valueOf(stats.stdevNanos() / divisor);
            case "percentile" -> percentile;
            default -> args.arg(2).type() == LuaValue.TNUMBER ? at.invoke(args) : LuaValue.NIL;
        }));
        meta.set("__call", at);
        meta.set("__len", new LuaLambda(args -> LuaValue.valueOf(values.size())));
        meta.set("__metatable", "wrk.stats");
        return new LuaUserdata(stats, meta);
    }
}
