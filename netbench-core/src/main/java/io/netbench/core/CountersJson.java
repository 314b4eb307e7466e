package io.netbench.core;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link NetCounters} as JSON: in a result under {@code tcp_info} ({@code local} and {@code remote}
 * ends), and alone on the qperf control connection. An end is an object with {@code start} and
 * {@code end} (TCP_INFO: {@code connections}, {@code congestion}, then the fields), {@code system}
 * (counter deltas) and {@code cpu} (CPUs busy by kind); what was not sampled is left out.
 */
final class CountersJson {
    private CountersJson() {
    }

    static String write(NetCounters c) {
        try {
            return JSON.std.asString(map(c));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static NetCounters read(String json) {
        try {
            return fromMap(JSON.std.mapFrom(json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed counters: " + e.getMessage(), e);
        }
    }

    /** The {@code tcp_info} object of a result, or {@code null} when neither end was sampled. */
    static Map<String, Object> both(NetCounters local, NetCounters remote) {
        if (local == null && remote == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (local != null) {
            m.put("local", map(local));
        }
        if (remote != null) {
            m.put("remote", map(remote));
        }
        return m;
    }

    /** One end of a result's {@code tcp_info} object, or {@code null} when absent (older files too). */
    static NetCounters end(Object tcpInfo, String side) {
        return tcpInfo instanceof Map<?, ?> m && m.get(side) instanceof Map<?, ?> end ? fromMap(end) : null;
    }

    private static Map<String, Object> map(NetCounters c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.start() != null) {
            m.put("start", info(c.start()));
        }
        if (c.end() != null) {
            m.put("end", info(c.end()));
        }
        m.put("system", c.system());
        m.put("cpu", c.cpu());
        return m;
    }

    private static Map<String, Object> info(TcpInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connections", t.connections());
        if (t.congestion() != null) {
            m.put("congestion", t.congestion());
        }
        m.putAll(t.fields());
        return m;
    }

    private static NetCounters fromMap(Map<?, ?> m) {
        Map<String, Long> system = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (m.get("system") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> system.put(String.valueOf(k), ((Number) v).longValue()));
        }
        if (m.get("cpu") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> cpu.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        return new NetCounters(readInfo(m.get("start")), readInfo(m.get("end")), system, cpu);
    }

    private static TcpInfo readInfo(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String name : TcpInfo.FIELDS) {
            if (m.get(name) instanceof Number n) {
                fields.put(name, n.longValue());
            }
        }
        Object congestion = m.get("congestion");
        return new TcpInfo(((Number) m.get("connections")).intValue(), congestion == null ? null : congestion.toString(),
                fields);
    }
}
