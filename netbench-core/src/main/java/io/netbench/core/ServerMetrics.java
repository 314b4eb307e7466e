package io.netbench.core;

import io.netbench.core.internal.ProcessMemory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A server's counters and gauges, written in Prometheus' text format for {@code /metrics}. The
 * servers count into it ({@code metrics(ServerMetrics)} on their builders, one registry shared by
 * the qperf and HTTP servers of one process), so a pod's side of a run can be scraped.
 *
 * <p>A series is a metric name and its labels, e.g. {@code netbench_http_responses_total} with
 * {@code code="200"}. Counters are {@link LongAdder}s: take one with {@link #counter} once and
 * increment it on the hot path without contention. Gauges are read when the text is written.
 * Thread-safe.
 *
 * <p>Every registry also reads this process's memory, as {@code netbench_memory_bytes} by
 * {@code area}: {@code resident} (RSS, on Linux), {@code jvm_heap_used}, and {@code netty_direct} and
 * {@code netty_heap}, what Netty's allocator has reserved for the connections' buffers. Divided by
 * {@code netbench_http_connections_open}, they say what a connection costs.
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * LongAdder accepted = metrics.counter("netbench_http_connections_accepted_total", "Connections accepted.", "");
 * accepted.increment();
 * metrics.gauge("netbench_up", "1 while serving.", "", () -> 1);
 * String text = metrics.prometheusText();
 * }</pre>
 */
public final class ServerMetrics {
    private final Map<String, String> help = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentSkipListMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentSkipListMap<>();

    /** An empty registry, but for this process's memory gauges. */
    public ServerMetrics() {
        String memory = "netbench_memory_bytes";
        String help = "This process's memory by area: resident set, JVM heap in use, Netty's allocator (direct, heap).";
        if (ProcessMemory.residentBytes().isPresent()) {
            gauge(memory, help, "area=\"resident\"", () -> ProcessMemory.residentBytes().orElse(0));
        }
        gauge(memory, help, "area=\"jvm_heap_used\"", ProcessMemory::heapUsedBytes);
        if (ProcessMemory.nettyAllocatorBytes(true) >= 0) {
            gauge(memory, help, "area=\"netty_direct\"", () -> ProcessMemory.nettyAllocatorBytes(true));
            gauge(memory, help, "area=\"netty_heap\"", () -> ProcessMemory.nettyAllocatorBytes(false));
        }
    }

    /**
     * The counter of one series, made on first use.
     *
     * @param name e.g. {@code netbench_http_responses_total}
     * @param description the {@code # HELP} text
     * @param labels e.g. {@code code="200"}, or {@code ""} for none
     * @return the counter, the same for the same name and labels
     */
    public LongAdder counter(String name, String description, String labels) {
        describe(name, description, "counter");
        return counters.computeIfAbsent(series(name, labels), k -> new LongAdder());
    }

    /**
     * Registers a gauge, read whenever the text is written (a later one of the same series replaces it).
     *
     * @param name e.g. {@code netbench_http_connections_open}
     * @param description the {@code # HELP} text
     * @param labels e.g. {@code transport="epoll"}, or {@code ""} for none
     * @param value what the gauge reads
     */
    public void gauge(String name, String description, String labels, DoubleSupplier value) {
        describe(name, description, "gauge");
        gauges.put(series(name, labels), value);
    }

    private void describe(String name, String description, String type) {
        help.putIfAbsent(name, description);
        types.putIfAbsent(name, type);
    }

    private static String series(String name, String labels) {
        return labels.isEmpty() ? name : name + "{" + labels + "}";
    }

    /** {@return every series in Prometheus' text exposition format, grouped by metric, names sorted} */
    public String prometheusText() {
        Map<String, StringBuilder> byName = new TreeMap<>();
        counters.forEach((series, adder) -> line(byName, series, adder.sum()));
        gauges.forEach((series, gauge) -> line(byName, series, gauge.getAsDouble()));
        StringBuilder out = new StringBuilder();
        byName.forEach((name, lines) -> out.append("# HELP ").append(name).append(' ').append(help.get(name))
                .append("\n# TYPE ").append(name).append(' ').append(types.get(name)).append('\n').append(lines));
        return out.toString();
    }

    private static void line(Map<String, StringBuilder> byName, String series, double value) {
        int brace = series.indexOf('{');
        String name = brace < 0 ? series : series.substring(0, brace);
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        byName.computeIfAbsent(name, k -> new StringBuilder()).append(series).append(' ').append(number).append('\n');
    }
}
