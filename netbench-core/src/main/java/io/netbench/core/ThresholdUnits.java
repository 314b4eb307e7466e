package io.netbench.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dimensions a {@link Threshold} compares, each with the unit suffixes its limit may carry and
 * their factor to the base unit in which results store the figure (ns, bytes/s, 1/s, a count).
 */
enum ThresholdUnits {
    /** Durations, stored in nanoseconds; the limit needs a unit. */
    TIME("a time", "ns, us, ms or s", Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9)),
    /** Bandwidth, stored in bytes per second; B is a byte, b a bit, K = 1000 as qperf prints, Ki = 1024. */
    BANDWIDTH("a bandwidth", "B/s, KB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s, Mb/s, Gb/s", bandwidths()),
    /** Events per second. */
    RATE("a rate", "nothing, /s, k, M or G", Map.of("", 1.0, "/s", 1.0, "k", 1e3, "k/s", 1e3, "M", 1e6, "M/s", 1e6,
            "G", 1e9, "G/s", 1e9)),
    /** Exact counts. */
    COUNT("a count", "nothing, k or M", Map.of("", 1.0, "k", 1e3, "M", 1e6)),
    /** CPU seconds per GB, as qperf's send_cost and recv_cost. */
    COST("a CPU cost", "nothing or s/GB", Map.of("", 1.0, "s/GB", 1.0));

    private final String what;
    private final String suffixes;
    private final Map<String, Double> factors;

    ThresholdUnits(String what, String suffixes, Map<String, Double> factors) {
        this.what = what;
        this.suffixes = suffixes;
        this.factors = factors;
    }

    private static Map<String, Double> bandwidths() {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] prefixes = {"", "K", "M", "G", "T"};
        for (int i = 0; i < prefixes.length; i++) {
            double decimal = Math.pow(1000, i);
            m.put(prefixes[i] + "B/s", decimal);
            m.put(prefixes[i] + "b/s", decimal / 8);
            m.put(prefixes[i] + "bit/s", decimal / 8);
            if (i > 0) {
                m.put(prefixes[i] + "iB/s", Math.pow(1024, i));
                m.put(prefixes[i].toLowerCase(Locale.ROOT) + "B/s", decimal);
                m.put(prefixes[i].toLowerCase(Locale.ROOT) + "b/s", decimal / 8);
                m.put(prefixes[i].toLowerCase(Locale.ROOT) + "bit/s", decimal / 8);
            }
        }
        return m;
    }

    /**
     * The factor of a unit suffix to the base unit.
     *
     * @throws IllegalArgumentException saying which suffixes this dimension takes
     */
    double factor(String name, String suffix) {
        Double f = factors.get(suffix);
        if (f == null) {
            throw new IllegalArgumentException(name + " is " + what + ": give its limit in " + suffixes
                    + (suffix.isEmpty() ? "" : ", not '" + suffix + "'"));
        }
        return f;
    }
}
