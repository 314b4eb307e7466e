package io.netbench.core;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@link RunResult}s as JSON (jackson-jr), the format of {@code --json}.
 *
 * <p>The document carries {@code "format": "netbench-result/1"}. Instants are ISO-8601 strings,
 * durations are nanoseconds ({@code duration_ns}), histograms are HdrHistogram compressed base64
 * strings. Metrics that are not finite (NaN: not measured) are left out. Field order is stable, so results diff well.
 */
public final class ResultJson {
    /** The format tag of documents this class writes and reads. */
    public static final String FORMAT = "netbench-result/1";

    private static final JSON WRITER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);
    private static final String[] CPU_FIELDS = {"real_seconds", "cpu_seconds", "user_cpus", "intr_cpus",
        "kernel_cpus", "iowait_cpus", "process_cpus"};

    private ResultJson() {
    }

    /** The JSON document of {@code run}. */
    public static String write(RunResult run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", run.version());
        doc.put("start", run.start().toString());
        doc.put("command", run.command());
        List<Object> tests = new ArrayList<>();
        for (TestResult t : run.tests()) {
            tests.add(testMap(t));
        }
        doc.put("tests", tests);
        try {
            return WRITER.asString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> testMap(TestResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", t.tool());
        m.put("test", t.test());
        m.put("target", t.target());
        m.put("transport", t.transport());
        m.put("start", t.start() == null ? null : t.start().toString());
        m.put("duration_ns", t.duration().toNanos());
        m.put("params", t.params());
        Map<String, Object> metrics = new LinkedHashMap<>();
        t.metrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                metrics.put(k, v);
            }
        });
        m.put("metrics", metrics);
        m.put("counts", t.counts());
        m.put("histograms", t.histograms());
        m.put("local_cpu", cpuMap(t.localCpu()));
        m.put("remote_cpu", cpuMap(t.remoteCpu()));
        return m;
    }

    private static Map<String, Object> cpuMap(CpuUsage cpu) {
        if (cpu == null) {
            return null;
        }
        double[] values = {cpu.realSeconds(), cpu.cpuSeconds(), cpu.userCpus(), cpu.intrCpus(), cpu.kernelCpus(),
            cpu.iowaitCpus(), cpu.processCpus()};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(CPU_FIELDS[i], Double.isFinite(values[i]) ? values[i] : null);
        }
        return m;
    }

    /**
     * Reads a document written by {@link #write(RunResult)}.
     *
     * @throws IllegalArgumentException if the text is not JSON or not a netbench result
     */
    public static RunResult read(String json) {
        Map<String, Object> doc;
        try {
            doc = JSON.std.mapFrom(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (!FORMAT.equals(doc.get("format"))) {
            throw new IllegalArgumentException("not a netbench result (format is " + doc.get("format")
                    + ", expected " + FORMAT + ")");
        }
        try {
            List<TestResult> tests = new ArrayList<>();
            for (Object t : (List<?>) doc.get("tests")) {
                tests.add(readTest((Map<?, ?>) t));
            }
            List<String> command = new ArrayList<>();
            for (Object arg : (List<?>) doc.get("command")) {
                command.add(String.valueOf(arg));
            }
            return new RunResult((String) doc.get("version"), Instant.parse((String) doc.get("start")),
                    command, tests);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed netbench result: " + e, e);
        }
    }

    private static TestResult readTest(Map<?, ?> m) {
        TestResult.Builder b = TestResult.builder((String) m.get("tool"), (String) m.get("test"))
                .target((String) m.get("target")).transport((String) m.get("transport"))
                .duration(Duration.ofNanos(((Number) m.get("duration_ns")).longValue()))
                .localCpu(readCpu((Map<?, ?>) m.get("local_cpu"))).remoteCpu(readCpu((Map<?, ?>) m.get("remote_cpu")));
        if (m.get("start") != null) {
            b.start(Instant.parse((String) m.get("start")));
        }
        entries(m, "params").forEach((k, v) -> b.param(k, v));
        entries(m, "metrics").forEach((k, v) -> b.metric(k, ((Number) v).doubleValue()));
        entries(m, "counts").forEach((k, v) -> b.count(k, ((Number) v).longValue()));
        entries(m, "histograms").forEach((k, v) -> b.encodedHistogram(k, (String) v));
        return b.build();
    }

    private static Map<String, Object> entries(Map<?, ?> m, String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object value = m.get(field);
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static CpuUsage readCpu(Map<?, ?> m) {
        if (m == null) {
            return null;
        }
        double[] v = new double[CPU_FIELDS.length];
        for (int i = 0; i < v.length; i++) {
            Object x = m.get(CPU_FIELDS[i]);
            v[i] = x == null ? Double.NaN : ((Number) x).doubleValue();
        }
        return new CpuUsage(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
