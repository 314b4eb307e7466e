package io.netbench.core;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.ValueIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@link RunResult}s as JSON (jackson-jr), the format of {@code --json}.
 *
 * <p>Documents carry {@code "format": "netbench-result/2"}: a run id, labels and environment
 * beside the tests; metrics are named by {@link Metric#key()}, which ends with the unit. Instants
 * are ISO-8601 strings, durations nanoseconds ({@code duration_ns}), histograms HdrHistogram's
 * compressed base64. Field order is stable, so results diff well. A test checked against
 * {@link Thresholds} has {@code "thresholds"}: {@code [{"threshold": "p99>5ms", "value": 7210000.0,
 * "breached": true}]}, the value in the figure's stored unit ({@code null}: nothing measured).
 *
 * <p>{@link #read} also reads version 1 documents ({@code netbench-result/1}, netbench 0.1
 * before labels): their metrics are renamed to version 2's keys, they get an empty label set and
 * a run id derived from their text, so the same old file given twice is still recognised.
 *
 * <pre>{@code
 * String json = ResultJson.write(run);
 * RunResult again = ResultJson.read(json);   // equal to run
 * }</pre>
 */
public final class ResultJson {
    /** The format tag of documents this class writes. */
    public static final String FORMAT = "netbench-result/2";
    /** The previous format tag, still read. */
    public static final String FORMAT_V1 = "netbench-result/1";

    private static final JSON WRITER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);
    /** Version 1 metric and count names that version 2 spells differently. */
    private static final Map<String, String> V1_NAMES = Map.of("msg_rate", "msg_rate_per_sec",
            "send_bw", "send_bw_bytes_per_sec", "recv_bw", "recv_bw_bytes_per_sec",
            "send_cost", "send_cost_sec_per_gb", "recv_cost", "recv_cost_sec_per_gb",
            "bytes_per_sec", "transfer_bytes_per_sec", "bytes", "read_bytes");
    private static final String[] CPU_FIELDS = {"real_seconds", "cpu_seconds", "user_cpus", "intr_cpus",
        "kernel_cpus", "iowait_cpus", "process_cpus"};

    private ResultJson() {
    }

    /**
     * Writes a run.
     *
     * @param run the run
     * @return its JSON document, pretty-printed
     */
    public static String write(RunResult run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", run.version());
        doc.put("run_id", run.runId());
        doc.put("start", run.start().toString());
        doc.put("command", run.command());
        doc.put("labels", run.labels());
        doc.put("environment", run.environment());
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
        m.putAll(intervalMap(t));
        m.put("histograms", t.histograms());
        m.put("local_cpu", cpuMap(t.localCpu()));
        m.put("remote_cpu", cpuMap(t.remoteCpu()));
        Map<String, Object> tcpInfo = CountersJson.both(t.localNet(), t.remoteNet());
        if (tcpInfo != null) {
            m.put("tcp_info", tcpInfo);
        }
        if (!t.thresholds().isEmpty()) {
            List<Object> checks = new ArrayList<>();
            for (ThresholdCheck c : t.thresholds()) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("threshold", c.threshold());
                check.put("value", Double.isNaN(c.value()) ? null : c.value());
                check.put("breached", c.breached());
                checks.add(check);
            }
            m.put("thresholds", checks);
        }
        if (!t.intervals().isEmpty()) {
            m.put("intervals", t.intervals().stream().map(ResultJson::intervalMap).toList());
        }
        return m;
    }

    /** A test's or an interval's time, params and figures (an interval's tool and test are its test's). */
    private static Map<String, Object> intervalMap(TestResult i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", i.start() == null ? null : i.start().toString());
        m.put("duration_ns", i.duration().toNanos());
        m.put("params", i.params());
        Map<String, Object> metrics = new LinkedHashMap<>();
        i.metrics().forEach((k, v) -> metrics.put(k.key(), v));
        m.put("metrics", metrics);
        m.put("counts", i.counts());
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
     * Reads a document written by {@link #write(RunResult)} or by netbench 0.1 (version 1).
     *
     * @param json the document's text
     * @return the run it holds
     * @throws IllegalArgumentException if the text is not JSON, not a netbench result, or more than
     *         one; text before the document (a JVM banner or a log line that went to stdout) is named
     *         with its line
     */
    public static RunResult read(String json) {
        List<RunResult> runs = readAll(json);
        if (runs.size() != 1) {
            throw new IllegalArgumentException("expected one netbench result, found " + runs.size());
        }
        return runs.get(0);
    }

    /**
     * Reads every document of a text that holds one or more, one after the other: what
     * {@code kubectl logs} prints for several pods or containers, or {@code compare --format
     * results} for several targets.
     *
     * @param text the documents' text
     * @return the runs, in order
     * @throws IllegalArgumentException as {@link #read(String)}, naming the document that is wrong
     */
    public static List<RunResult> readAll(String text) {
        String trimmed = text.stripLeading();
        if (!trimmed.startsWith("{")) {
            int line = (int) text.substring(0, text.length() - trimmed.length()).lines().count() + 1;
            String found = trimmed.lines().findFirst().orElse("(nothing)");
            throw new IllegalArgumentException("line " + line + " is not JSON: '"
                    + (found.length() > 70 ? found.substring(0, 70) + "..." : found)
                    + "' (only the JSON document may be on stdout: JVM banners and logs belong on stderr)");
        }
        List<RunResult> runs = new ArrayList<>();
        try (ValueIterator<Object> documents = JSON.std.anySequenceFrom(text)) {
            while (documents.hasNext()) {
                Object doc = documents.next();
                String where = runs.isEmpty() ? "" : "document " + (runs.size() + 1) + ": ";
                if (!(doc instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException(where + "not a netbench result (not a JSON object)");
                }
                try {
                    runs.add(document(map, "v1-" + digest(text) + (runs.isEmpty() ? "" : "-" + runs.size())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + e.getMessage(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException("not valid JSON: " + message.lines().findFirst().orElse(""), e);
        }
        return runs;
    }

    /** One parsed document; a version 1 document, which has no run id, gets {@code v1RunId}. */
    private static RunResult document(Map<?, ?> doc, String v1RunId) {
        Object format = doc.get("format");
        boolean v1 = FORMAT_V1.equals(format);
        if (!v1 && !FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a netbench result (format is " + format + ", expected " + FORMAT
                    + " or " + FORMAT_V1 + ")");
        }
        try {
            List<TestResult> tests = new ArrayList<>();
            for (Object t : (List<?>) doc.get("tests")) {
                tests.add(readTest((Map<?, ?>) t, v1));
            }
            List<String> command = new ArrayList<>();
            for (Object arg : (List<?>) doc.get("command")) {
                command.add(String.valueOf(arg));
            }
            String runId = v1 ? v1RunId : (String) doc.get("run_id");
            return new RunResult((String) doc.get("version"), runId, Instant.parse((String) doc.get("start")), command,
                    strings(doc, "labels"), strings(doc, "environment"), tests);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed netbench result: " + e.getMessage(), e);
        }
    }

    private static TestResult readTest(Map<?, ?> m, boolean v1) {
        TestResult.Builder b = readFigures(TestResult.builder((String) m.get("tool"), (String) m.get("test")), m, v1)
                .target((String) m.get("target")).transport((String) m.get("transport"))
                .localCpu(readCpu((Map<?, ?>) m.get("local_cpu"))).remoteCpu(readCpu((Map<?, ?>) m.get("remote_cpu")))
                .net(CountersJson.end(m.get("tcp_info"), "local"), CountersJson.end(m.get("tcp_info"), "remote"));
        entries(m, "histograms").forEach((k, v) -> b.encodedHistogram(k, (String) v));
        if (m.get("thresholds") instanceof List<?> checks) {
            b.thresholds(checks.stream().map(c -> (Map<?, ?>) c).map(c -> new ThresholdCheck((String) c.get("threshold"),
                    c.get("value") == null ? Double.NaN : ((Number) c.get("value")).doubleValue(),
                    Boolean.TRUE.equals(c.get("breached")))).toList());
        }
        if (m.get("intervals") instanceof List<?> intervals) {
            b.intervals(intervals.stream().map(i -> readFigures(TestResult.builder((String) m.get("tool"),
                    (String) m.get("test")), (Map<?, ?>) i, v1).build()).toList());
        }
        return b.build();
    }

    /** What a test and its intervals share: start, duration, params, metrics, counts. */
    private static TestResult.Builder readFigures(TestResult.Builder b, Map<?, ?> m, boolean v1) {
        b.duration(Duration.ofNanos(((Number) m.get("duration_ns")).longValue()));
        if (m.get("start") != null) {
            b.start(Instant.parse((String) m.get("start")));
        }
        entries(m, "params").forEach(b::param);
        entries(m, "metrics").forEach((k, v) -> {
            String key = v1 ? V1_NAMES.getOrDefault(k, k) : k;
            Metric metric = Metric.ofKey(key).orElseThrow(() -> new IllegalArgumentException("unknown metric " + k));
            b.metric(metric, ((Number) v).doubleValue());
        });
        entries(m, "counts").forEach((k, v) -> b.count(v1 ? V1_NAMES.getOrDefault(k, k) : k, ((Number) v).longValue()));
        return b;
    }

    private static Map<String, Object> entries(Map<?, ?> m, String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m.get(field) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static Map<String, String> strings(Map<?, ?> m, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        entries(m, field).forEach((k, v) -> out.put(k, String.valueOf(v)));
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

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
