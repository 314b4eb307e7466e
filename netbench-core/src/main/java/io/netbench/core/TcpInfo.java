package io.netbench.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The kernel's {@code TCP_INFO} of a connection at one instant, or summed over the connections of
 * a run (wrk's): retransmissions, loss, round-trip time, congestion window, segment sizes, pacing
 * and delivery rates, segments and bytes moved, and the congestion control in use.
 *
 * <p>Fields are named as Linux names them without the {@code tcpi_} prefix ({@link #FIELDS});
 * times are in microseconds, rates in bytes per second. A field the kernel did not report (an
 * older kernel's shorter struct) is absent from {@link #fields()}, never 0. Over several
 * connections, {@link #SUMMED} fields add up and the others (gauges such as {@code rtt} or
 * {@code snd_mss}) are the mean.
 *
 * @param connections how many connections this describes, at least 1
 * @param congestion the congestion control algorithm (e.g. {@code cubic}), or {@code null} if unknown
 *                   or if the connections differ
 * @param fields field name to value, in {@link #FIELDS} order
 */
public record TcpInfo(int connections, String congestion, Map<String, Long> fields) {
    /** Every field kept, in the kernel's order. */
    public static final List<String> FIELDS = List.of("retransmits", "snd_mss", "rcv_mss", "unacked", "lost",
            "retrans", "pmtu", "rtt", "rttvar", "snd_ssthresh", "snd_cwnd", "reordering", "total_retrans",
            "pacing_rate", "bytes_acked", "bytes_received", "segs_out", "segs_in", "min_rtt", "data_segs_in",
            "data_segs_out", "delivery_rate", "busy_time", "rwnd_limited", "sndbuf_limited", "bytes_sent",
            "bytes_retrans");
    /** The fields that only grow over a connection's life, so that a test's share is end minus start. */
    public static final List<String> CUMULATIVE = List.of("total_retrans", "bytes_acked", "bytes_received",
            "segs_out", "segs_in", "data_segs_in", "data_segs_out", "busy_time", "rwnd_limited", "sndbuf_limited",
            "bytes_sent", "bytes_retrans");
    /** The fields that add up over connections ({@link #CUMULATIVE} and a few gauges); the others are averaged. */
    public static final List<String> SUMMED = List.of("unacked", "lost", "retrans", "pacing_rate", "delivery_rate",
            "total_retrans", "bytes_acked", "bytes_received", "segs_out", "segs_in", "data_segs_in", "data_segs_out",
            "busy_time", "rwnd_limited", "sndbuf_limited", "bytes_sent", "bytes_retrans");

    /**
     * Checks the count and freezes the fields in {@link #FIELDS} order; unknown names are dropped.
     *
     * @param connections how many connections, at least 1
     * @param congestion the congestion control, or {@code null}
     * @param fields field name to value, copied
     * @throws IllegalArgumentException if {@code connections} is below 1
     */
    public TcpInfo {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1: " + connections);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String name : FIELDS) {
            Long v = fields.get(name);
            if (v != null) {
                ordered.put(name, v);
            }
        }
        fields = Collections.unmodifiableMap(ordered);
    }

    /**
     * One field.
     *
     * @param name e.g. {@code "total_retrans"}
     * @return its value, or empty when not reported
     */
    public OptionalLong field(String name) {
        Long v = fields.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * Connections sampled at the same moment as one ({@link #plus}).
     *
     * @param samples one per connection or group of connections; {@code null}s (not readable) are skipped
     * @return their sum, or {@code null} when none was read
     */
    public static TcpInfo total(Iterable<TcpInfo> samples) {
        TcpInfo sum = null;
        for (TcpInfo t : samples) {
            if (t != null) {
                sum = sum == null ? t : sum.plus(t);
            }
        }
        return sum;
    }

    /**
     * These connections and {@code other}'s together: {@link #SUMMED} fields added, the others
     * averaged by connection; a field that one side lacks is absent from the sum.
     *
     * @param other more connections sampled at the same moment
     * @return the combined sample
     */
    public TcpInfo plus(TcpInfo other) {
        int n = connections + other.connections;
        Map<String, Long> sum = new LinkedHashMap<>();
        fields.forEach((name, v) -> {
            Long w = other.fields.get(name);
            if (w != null) {
                sum.put(name, SUMMED.contains(name) ? v + w
                        : Math.round(((double) v * connections + (double) w * other.connections) / n));
            }
        });
        String cc = congestion != null && congestion.equals(other.congestion) ? congestion : null;
        return new TcpInfo(n, cc, sum);
    }
}
