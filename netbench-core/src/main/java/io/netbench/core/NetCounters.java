package io.netbench.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one end of a test saw of the network stack around it: the data connections'
 * {@link TcpInfo} at the start and at the end, the change of the machine's TCP counters
 * ({@code /proc/net/snmp} and {@code /proc/net/netstat}) over the test, and how busy its CPUs were
 * by kind ({@code /proc/stat}: softirq and system time apart). These say why a figure moved: a
 * smaller MSS, retransmissions, softirq load.
 *
 * <p>What could not be read is absent, never 0: a {@code null} sample where there is no
 * {@code TCP_INFO} (the NIO transport, UDP, a non-Linux machine, a real qperf server), no entry in
 * {@link #system()} for a counter the kernel lacks.
 *
 * @param start the connections' TCP_INFO when the test started, or {@code null}: not sampled, or (wrk
 *              without a warm-up) the connections were opened within the test, so their counts
 *              since opening are the test's
 * @param end their TCP_INFO when it ended, or {@code null}
 * @param system counter name ({@code Tcp.RetransSegs}, {@code TcpExt.TCPTimeouts}) to its change over the test
 * @param cpu CPU kind ({@link #CPU_KINDS}) to CPUs busy with it on average over the test
 */
public record NetCounters(TcpInfo start, TcpInfo end, Map<String, Long> system, Map<String, Double> cpu) {
    /** The kinds of CPU time in {@link #cpu()}, as {@code /proc/stat} splits it (user includes nice). */
    public static final List<String> CPU_KINDS = List.of("user", "system", "irq", "softirq",
            "steal", "iowait");
    private static final int[][] CPU_TICKS = {{CpuSnapshot.USER, CpuSnapshot.NICE}, {CpuSnapshot.SYSTEM},
        {CpuSnapshot.IRQ}, {CpuSnapshot.SOFTIRQ}, {CpuSnapshot.STEAL}, {CpuSnapshot.IOWAIT}};

    /**
     * Freezes the maps.
     *
     * @param start TCP_INFO at the start, or {@code null}
     * @param end TCP_INFO at the end, or {@code null}
     * @param system counter deltas, copied
     * @param cpu CPUs busy by kind, copied
     */
    public NetCounters {
        system = Collections.unmodifiableMap(new LinkedHashMap<>(system));
        cpu = Collections.unmodifiableMap(new LinkedHashMap<>(cpu));
    }

    /**
     * CPUs busy by kind between two tick arrays in {@link CpuSnapshot}'s layout (qperf's STAT
     * carries the same, so a real qperf server's split is known too).
     *
     * @param startTicks the ticks at the start
     * @param endTicks the ticks at the end
     * @param ticksPerSecond the clock ticks per second of the machine that counted them
     * @return kind to CPUs busy; empty when no time passed or the machine ticks are unknown
     */
    public static Map<String, Double> cpuSplit(long[] startTicks, long[] endTicks, long ticksPerSecond) {
        Map<String, Double> split = new LinkedHashMap<>();
        double real = endTicks[CpuSnapshot.REAL] - startTicks[CpuSnapshot.REAL];
        long machine = 0;
        for (int i = CpuSnapshot.USER; i < CpuSnapshot.FIELDS; i++) {
            machine += endTicks[i];
        }
        if (real <= 0 || ticksPerSecond <= 0 || machine == 0) {
            return split;
        }
        for (int k = 0; k < CPU_TICKS.length; k++) {
            long ticks = 0;
            for (int field : CPU_TICKS[k]) {
                ticks += endTicks[field] - startTicks[field];
            }
            split.put(CPU_KINDS.get(k), ticks / real);
        }
        return split;
    }

    /**
     * How much a {@link TcpInfo#CUMULATIVE} field grew over the test (with no start sample: since
     * the connections opened, within the test), or another field's value at the end.
     *
     * @param field a {@link TcpInfo#FIELDS} name, e.g. {@code "total_retrans"} or {@code "snd_mss"}
     * @return the value, or empty when a sample lacks it
     */
    public OptionalLong tcp(String field) {
        if (end == null || end.field(field).isEmpty()) {
            return OptionalLong.empty();
        }
        long last = end.field(field).getAsLong();
        if (!TcpInfo.CUMULATIVE.contains(field)) {
            return OptionalLong.of(last);
        }
        if (start == null) {
            return OptionalLong.of(last);
        }
        return start.field(field).isEmpty() ? OptionalLong.empty() : OptionalLong.of(last - start.field(field).getAsLong());
    }

    /**
     * The samples of connections that ran at the same time on one machine as one: their TCP_INFO
     * added up ({@link TcpInfo#plus}), the machine's counters and CPU split of the first.
     *
     * @param ends one sample per connection, {@code null} where one was not sampled
     * @return the combined sample; {@code null} if the first is
     */
    public static NetCounters ofConnections(List<NetCounters> ends) {
        NetCounters first = ends.get(0);
        if (first == null) {
            return null;
        }
        TcpInfo start = first.start;
        TcpInfo end = first.end;
        for (NetCounters other : ends.subList(1, ends.size())) {
            start = sum(start, other == null ? null : other.start);
            end = sum(end, other == null ? null : other.end);
        }
        return new NetCounters(start, end, first.system, first.cpu);
    }

    private static TcpInfo sum(TcpInfo a, TcpInfo b) {
        return a == null || b == null ? null : a.plus(b);
    }

    /** {@return whether nothing at all was sampled} */
    public boolean isEmpty() {
        return start == null && end == null && system.isEmpty() && cpu.isEmpty();
    }

    /** {@return this sample as the JSON object that results carry under {@code tcp_info}} */
    public String toJson() {
        return CountersJson.write(this);
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @param json the object's text
     * @return the sample
     * @throws IllegalArgumentException if it is not such an object
     */
    public static NetCounters fromJson(String json) {
        return CountersJson.read(json);
    }
}
