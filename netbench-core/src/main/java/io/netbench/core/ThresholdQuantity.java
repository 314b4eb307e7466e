package io.netbench.core;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * What the name on the left of a {@link Threshold} reads from a {@link TestResult}: {@code null}
 * when the result has no such figure (the threshold does not apply to that test), NaN when it
 * applies but nothing was measured (no request succeeded), else the value in its base unit.
 */
record ThresholdQuantity(String name, ThresholdUnits units, Function<TestResult, Double> read) {
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d+)?|100)");
    private static final Pattern COUNT = Pattern.compile("errors_\\w+|status_\\d{3}|(loc|rem)_(send|recv)_(bytes|msgs)"
            + "|requests|read_bytes");
    /** Names beside {@link Metric} keys and count names; the README's table lists them. */
    static final String NAMES = "lat (latency), avg, stdev, min, max, p50, p99, p99.9 (any pNN), bw (recv_bw),"
            + " send_bw, rps, msg_rate, transfer, errors, socket_errors, non2xx, requests";

    private static final Map<String, ThresholdQuantity> NAMED = Map.ofEntries(
            latency("lat", r -> first(r, Metric.LATENCY, Metric.LATENCY_MEAN), Histogram::getMean),
            latency("latency", r -> first(r, Metric.LATENCY, Metric.LATENCY_MEAN), Histogram::getMean),
            latency("avg", r -> first(r, Metric.LATENCY_MEAN, Metric.LATENCY), Histogram::getMean),
            latency("stdev", r -> first(r, Metric.LATENCY_STDEV, Metric.LATENCY_STDEV), Histogram::getStdDeviation),
            latency("min", r -> OptionalDouble.empty(), h -> h.getMinValue()),
            latency("max", r -> first(r, Metric.LATENCY_MAX, Metric.LATENCY_MAX), h -> h.getMaxValue()),
            metric("bw", ThresholdUnits.BANDWIDTH, Metric.RECV_BW, Metric.TRANSFER),
            metric("recv_bw", ThresholdUnits.BANDWIDTH, Metric.RECV_BW, Metric.RECV_BW),
            metric("send_bw", ThresholdUnits.BANDWIDTH, Metric.SEND_BW, Metric.SEND_BW),
            metric("transfer", ThresholdUnits.BANDWIDTH, Metric.TRANSFER, Metric.TRANSFER),
            metric("rps", ThresholdUnits.RATE, Metric.REQUESTS_PER_SEC, Metric.REQUESTS_PER_SEC),
            metric("msg_rate", ThresholdUnits.RATE, Metric.MSG_RATE, Metric.MSG_RATE),
            counts("errors", name -> name.startsWith("errors_")),
            counts("socket_errors", name -> name.startsWith("errors_") && !name.equals("errors_status")),
            counts("non2xx", name -> name.startsWith("status_") && (name.charAt(7) < '2' || name.charAt(7) > '3')));

    /**
     * The quantity a threshold names.
     *
     * @throws IllegalArgumentException for a name that is none of them
     */
    static ThresholdQuantity of(String name) {
        ThresholdQuantity named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        if (PERCENTILE.matcher(name).matches()) {
            double p = Double.parseDouble(name.substring(1));
            return latency(name, r -> OptionalDouble.empty(), h -> h.getValueAtPercentile(p)).getValue();
        }
        if (COUNT.matcher(name).matches()) {
            return new ThresholdQuantity(name, ThresholdUnits.COUNT,
                    r -> r.counts().containsKey(name) ? (double) r.counts().get(name) : null);
        }
        Metric metric = Metric.ofKey(name).orElseThrow(() -> new IllegalArgumentException("unknown figure '" + name
                + "': use " + NAMES + ", a metric (latency_p99_ns...) or a count (errors_timeout, status_503...)"));
        return metric(name, unitsOf(metric), metric, metric).getValue();
    }

    /** {@return the value in {@code result}: null if it has no such figure, NaN if nothing was measured} */
    Double valueIn(TestResult result) {
        return read.apply(result);
    }

    private static ThresholdUnits unitsOf(Metric metric) {
        return switch (metric.unit()) {
            case NANOSECONDS -> ThresholdUnits.TIME;
            case BYTES_PER_SECOND -> ThresholdUnits.BANDWIDTH;
            case PER_SECOND -> ThresholdUnits.RATE;
            case SECONDS_PER_GB -> ThresholdUnits.COST;
        };
    }

    /** A latency figure: the stored metric if there is one, else from the latency histogram. */
    private static Map.Entry<String, ThresholdQuantity> latency(String name, Function<TestResult, OptionalDouble> metric,
                                                                ToDoubleFunction<Histogram> fromHistogram) {
        return Map.entry(name, new ThresholdQuantity(name, ThresholdUnits.TIME, r -> {
            String encoded = r.histograms().get("latency");
            OptionalDouble stored = metric.apply(r);
            if (stored.isPresent()) {
                return stored.getAsDouble();
            }
            if (encoded == null) {
                return null;
            }
            Histogram h = HistogramCodec.decode(encoded);
            return h.getTotalCount() == 0 ? Double.NaN : fromHistogram.applyAsDouble(h);
        }));
    }

    private static OptionalDouble first(TestResult r, Metric preferred, Metric other) {
        OptionalDouble v = r.metric(preferred);
        return v.isPresent() ? v : r.metric(other);
    }

    private static Map.Entry<String, ThresholdQuantity> metric(String name, ThresholdUnits units, Metric preferred,
                                                               Metric other) {
        return Map.entry(name, new ThresholdQuantity(name, units, r -> {
            OptionalDouble v = first(r, preferred, other);
            return v.isPresent() ? v.getAsDouble() : null;
        }));
    }

    private static Map.Entry<String, ThresholdQuantity> counts(String name, java.util.function.Predicate<String> which) {
        return Map.entry(name, new ThresholdQuantity(name, ThresholdUnits.COUNT, r -> {
            boolean any = r.counts().keySet().stream().anyMatch(k -> k.startsWith("errors_") || k.startsWith("status_"));
            return any ? (double) r.counts().entrySet().stream().filter(e -> which.test(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum() : null;
        }));
    }
}
