package io.netbench.cli.format;

import io.netbench.core.NetCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@code --tcp-info} adds to a tool's output: qperf-style rows ({@code loc_tcp_mss = 65483})
 * after a qperf test's block, and a line per end after wrk's report. Only what was sampled is
 * written; without the flag, both tools' output stays as the originals print it.
 */
public final class NetRows {
    private NetRows() {
    }

    /**
     * Adds the rows of one end to a qperf block.
     *
     * @param block the block of the test's result
     * @param format number formatting
     * @param side {@code "loc_"} or {@code "rem_"}
     * @param counters the end's counters, or {@code null}
     */
    public static void add(QperfFormat.Block block, QperfFormat format, String side, NetCounters counters) {
        if (counters == null) {
            return;
        }
        if (counters.end() != null && counters.end().congestion() != null) {
            block.add(side + "tcp_cc", format.text(counters.end().congestion()));
        }
        for (NetFigure f : NetFigure.values()) {
            OptionalDouble v = f.of(counters);
            if (v.isPresent()) {
                double x = v.getAsDouble();
                block.add(side + f.qperfName(), switch (f.kind()) {
                    case COUNT -> format.count((long) x);
                    case MICROS -> format.time(x / 1e6);
                    case CPUS -> format.cpus(x);
                });
            }
        }
    }

    /**
     * One line of an end's counters, e.g. {@code "8 connections (cubic): MSS 65483, retrans 0, rtt 33 us, ..."}.
     *
     * @param counters the end's counters
     * @return the line's text, without indent or newline; empty when nothing was sampled
     */
    public static String line(NetCounters counters) {
        List<String> parts = new ArrayList<>();
        for (NetFigure f : NetFigure.values()) {
            f.of(counters).ifPresent(v -> parts.add(f.label() + " " + f.text(v)));
        }
        String text = String.join(", ", parts);
        if (counters.end() == null) {
            return text;
        }
        String cc = counters.end().congestion() == null ? "" : " (" + counters.end().congestion() + ")";
        int n = counters.end().connections();
        return n + (n == 1 ? " connection" : " connections") + cc + ": " + text;
    }
}
