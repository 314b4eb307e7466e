package io.netbench.cli.format;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyStats;
import io.netbench.http.HttpLoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Prints a load result in wrk 4.1's layout, or wrk2's when a rate was given, with wrk's number
 * formats and column rules ({@code print_units}: a value right-aligned in its column, the column
 * narrowed by the letters of its unit).
 */
public final class WrkReport {
    private static final double[] WRK_PERCENTILES = {50, 75, 90, 99};
    private static final double[] WRK2_PERCENTILES = {50, 75, 90, 99, 99.9, 99.99, 99.999, 100};

    private WrkReport() {
    }

    public static String header(String duration, String url, int threads, int connections) {
        return "Running " + duration + " test @ " + url + "\n  " + threads + " threads and " + connections
                + " connections\n";
    }

    public static String body(HttpLoadResult r, boolean latency, boolean uncorrected) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  Thread Stats%6s%11s%8s%12s%n", "Avg", "Stdev", "Max", "+/- Stdev"));
        LatencyStats lat = r.latency();
        row(out, "Latency", lat.meanNanos() / 1000, lat.stdevNanos() / 1000, lat.maxNanos() / 1000.0,
                lat.withinStdevPercent(), WrkFormat::time);
        LatencyStats rate = LatencyStats.of(r.requestRate());
        row(out, "Req/Sec", rate.meanNanos(), rate.stdevNanos(), rate.maxNanos(), rate.withinStdevPercent(),
                WrkFormat::metric);
        boolean wrk2 = r.rate() > 0;
        if (latency && !wrk2) {
            out.append("  Latency Distribution\n");
            for (double p : WRK_PERCENTILES) {
                out.append(printf(p, 0, 7)).append('%');
                units(out, lat.percentileNanos(p) / 1000.0, WrkFormat::time, 10);
                out.append('\n');
            }
        }
        if (latency && wrk2) {
            spectrum(out, lat, "Recorded Latency");
        }
        if (uncorrected && wrk2) {
            out.append('\n');
            spectrum(out, r.uncorrectedLatency(),
                    "Uncorrected Latency (measured without taking delayed starts into account)");
        }
        out.append("  ").append(r.requests()).append(" requests in ").append(WrkFormat.time(r.duration().toNanos() / 1000.0))
                .append(", ").append(WrkFormat.binary(r.bytes())).append("B read\n");
        ErrorCounts e = r.errors();
        if (e.socketErrors() > 0) {
            out.append(String.format(Locale.ROOT, "  Socket errors: connect %d, read %d, write %d, timeout %d%n",
                    e.connect(), e.read(), e.write(), e.timeout()));
        }
        if (e.status() > 0) {
            out.append("  Non-2xx or 3xx responses: ").append(e.status()).append('\n');
        }
        out.append("Requests/sec: ").append(printf(r.requestsPerSecond(), 2, 9)).append('\n');
        out.append(String.format(Locale.ROOT, "Transfer/sec: %10sB%n", WrkFormat.binary(r.bytesPerSecond())));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, double mean, double stdev, double max, double within,
                            DoubleFunction<String> format) {
        out.append(String.format(Locale.ROOT, "    %-10s", name));
        units(out, mean, format, 8);
        units(out, stdev, format, 10);
        units(out, max, format, 9);
        out.append(printf(within, 2, 8)).append("%\n");
    }

    /** C's {@code %WIDTH.DECIMALSf}: rounded as printf rounds, right-aligned. */
    private static String printf(double value, int decimals, int width) {
        String text = WrkFormat.fixed(value, decimals);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** wrk's print_units: right-align in {@code width} less one column per trailing unit letter. */
    private static void units(StringBuilder out, double value, DoubleFunction<String> format, int width) {
        String text = format.apply(value);
        int pad = 2;
        if (Character.isLetter(text.charAt(text.length() - 1))) {
            pad--;
        }
        if (text.length() > 1 && Character.isLetter(text.charAt(text.length() - 2))) {
            pad--;
        }
        int w = width - pad;
        String shown = text.length() > w ? text.substring(0, w) : text;
        out.append(" ".repeat(w - shown.length())).append(shown).append("  ", 0, pad);
    }

    /** wrk2's latency block: eight percentiles, then HdrHistogram's percentile spectrum in ms. */
    private static void spectrum(StringBuilder out, LatencyStats stats, String description) {
        out.append("  Latency Distribution (HdrHistogram - ").append(description).append(")\n");
        for (double p : WRK2_PERCENTILES) {
            out.append(printf(p, 3, 7)).append('%');
            units(out, stats.percentileNanos(p) / 1000.0, WrkFormat::time, 10);
            out.append('\n');
        }
        out.append("\n  Detailed Percentile spectrum:\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Histogram h = stats.histogram();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, 5, 1_000_000.0);
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        out.append("----------------------------------------------------------\n");
    }
}
