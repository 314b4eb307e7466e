package io.netbench.cli.format;

import io.netbench.core.NetCounters;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The network counters that explain a figure, as {@code --tcp-info} prints them and as a report
 * names those that differ from the baseline ("MSS 1448 vs 65483, retrans 501 vs 0, softirq 41 % vs
 * 12 %"). Each reads one {@link NetCounters} end and knows how to write its value and how small a
 * difference is noise ({@link #floor()}).
 */
public enum NetFigure {
    /** The data connections' send MSS at the end: tens of KiB on loopback, 1448 across a 1500 MTU. */
    MSS("MSS", "tcp_mss", c -> asDouble(c.tcp("snd_mss")), Kind.COUNT, 0),
    /** Segments the connections retransmitted over the test. */
    RETRANS("retrans", "tcp_retrans", c -> asDouble(c.tcp("total_retrans")), Kind.COUNT, 10),
    /** Smoothed round-trip time at the end. */
    RTT("rtt", "tcp_rtt", c -> asDouble(c.tcp("rtt")), Kind.MICROS, 20),
    /** Congestion window at the end, in segments. */
    CWND("cwnd", "tcp_cwnd", c -> asDouble(c.tcp("snd_cwnd")), Kind.COUNT, 4),
    /** The machine's retransmitted segments over the test ({@code Tcp.RetransSegs}). */
    RETRANS_SEGS("RetransSegs", "net_retrans_segs", c -> system(c, "Tcp.RetransSegs"), Kind.COUNT, 10),
    /** The machine's retransmission timeouts over the test ({@code TcpExt.TCPTimeouts}). */
    TIMEOUTS("TCPTimeouts", "net_timeouts", c -> system(c, "TcpExt.TCPTimeouts"), Kind.COUNT, 3),
    /** CPUs busy with soft interrupts (the network stack's receive path). */
    SOFTIRQ("softirq", "cpus_softirq", c -> cpu(c, "softirq"), Kind.CPUS, 0.05),
    /** CPUs busy in the kernel outside interrupts (system calls: the send path, copies). */
    SYSTEM("system", "cpus_system", c -> cpu(c, "system"), Kind.CPUS, 0.05);

    /** How a value is written. */
    public enum Kind {
        /** A whole number. */
        COUNT,
        /** Microseconds. */
        MICROS,
        /** CPUs busy, written as a percentage. */
        CPUS
    }

    private final String label;
    private final String qperfName;
    private final Function<NetCounters, OptionalDouble> value;
    private final Kind kind;
    private final double floor;

    NetFigure(String label, String qperfName, Function<NetCounters, OptionalDouble> value, Kind kind, double floor) {
        this.label = label;
        this.qperfName = qperfName;
        this.value = value;
        this.kind = kind;
        this.floor = floor;
    }

    /** {@return the short name a report's explanation uses, e.g. "MSS"} */
    public String label() {
        return label;
    }

    /** {@return the row name of qperf-style output, without loc_/rem_, e.g. "tcp_mss"} */
    public String qperfName() {
        return qperfName;
    }

    /** {@return how the value is written} */
    public Kind kind() {
        return kind;
    }

    /** {@return the size below which a difference is noise, in the value's unit} */
    public double floor() {
        return floor;
    }

    /**
     * This figure of one end.
     *
     * @param counters the end's counters, or {@code null}
     * @return the value, or empty when it was not sampled
     */
    public OptionalDouble of(NetCounters counters) {
        return counters == null ? OptionalDouble.empty() : value.apply(counters);
    }

    /** {@return {@code v} written short: "1448", "120 us", "41 %"} */
    public String text(double v) {
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            case MICROS -> String.format(Locale.ROOT, "%.0f us", v);
            case CPUS -> String.format(Locale.ROOT, "%.0f %%", v * 100);
        };
    }

    private static OptionalDouble system(NetCounters c, String name) {
        Long v = c.system().get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static OptionalDouble cpu(NetCounters c, String kind) {
        Double v = c.cpu().get(kind);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static OptionalDouble asDouble(OptionalLong v) {
        return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
    }
}
