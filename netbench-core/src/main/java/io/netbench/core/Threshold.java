package io.netbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failure condition on a result, as k6's thresholds and {@code --fail-on} write it:
 * {@code NAME OP LIMIT[UNIT]}, e.g. {@code p99>5ms}, {@code errors>0}, {@code rps<1000},
 * {@code lat>50us}, {@code bw<1GB/s}. The threshold is <em>breached</em> when the condition holds.
 *
 * <p>NAME is a figure: {@code lat}/{@code latency} (qperf's latency, wrk's average), {@code avg},
 * {@code stdev}, {@code min}, {@code max}, {@code pNN} (any percentile of the latency histogram:
 * {@code p50}, {@code p99}, {@code p99.9}), {@code bw}/{@code recv_bw} (qperf's bandwidth, wrk's
 * Transfer/sec), {@code send_bw}, {@code transfer}, {@code rps}, {@code msg_rate}, {@code errors}
 * (every kind), {@code socket_errors} (wrk's socket errors), {@code non2xx} (responses neither
 * 2xx nor 3xx), or any {@link Metric#key()} or count name of a {@link TestResult}
 * ({@code errors_timeout}, {@code status_503}). OP is one of {@code > >= < <= == !=}. Times need a
 * unit ({@code ns us ms s}); bandwidths take {@code B/s KB/s MB/s GB/s} (powers of 1000, as qperf
 * prints), {@code KiB/s MiB/s GiB/s}, or bits ({@code Mb/s Gb/s}); rates and counts are plain
 * numbers, or with {@code k} or {@code M}.
 *
 * <p>A threshold applies to the results that have its figure (a latency threshold to latency
 * tests); where it applies but nothing was measured (a wrk run in which no request succeeded has
 * no latencies) it counts as breached, since what it guards could not be shown.
 *
 * @param text the threshold as written, without blanks
 * @param name the figure's name
 * @param operator the comparison, e.g. {@code ">"}
 * @param limit the limit in the figure's stored unit (ns, bytes/s, 1/s, a count)
 * @param unit the unit the limit was written in, e.g. {@code "ms"}, used to print measured values
 * @param factor the unit's factor to the stored unit (1e6 for {@code ms})
 */
public record Threshold(String text, String name, String operator, double limit, String unit, double factor) {
    private static final Pattern SYNTAX = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.]*)(>=|<=|==|!=|>|<)([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)(\\S*)");

    /**
     * Parses one threshold.
     *
     * @param text e.g. {@code "p99>5ms"}; blanks are ignored
     * @return the threshold
     * @throws IllegalArgumentException naming what is wrong: the syntax, an unknown figure, a unit
     *         that does not fit the figure
     */
    public static Threshold parse(String text) {
        String compact = text.replaceAll("\\s+", "");
        Matcher m = SYNTAX.matcher(compact);
        if (!m.matches()) {
            throw new IllegalArgumentException("threshold '" + text + "': expected NAME OP LIMIT, e.g. p99>5ms,"
                    + " errors>0, rps<1000, bw<1GB/s (OP one of > >= < <= == !=)");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        ThresholdQuantity quantity = quantity(text, name);
        double factor;
        try {
            factor = quantity.units().factor(name, m.group(4));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold '" + text + "': " + e.getMessage(), e);
        }
        return new Threshold(compact, name, m.group(2), Double.parseDouble(m.group(3)) * factor, m.group(4), factor);
    }

    private static ThresholdQuantity quantity(String text, String name) {
        try {
            return ThresholdQuantity.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threshold '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks a result against this threshold.
     *
     * @param result a test's result
     * @return the check, or empty when the result has no such figure (the threshold does not apply)
     */
    public Optional<ThresholdCheck> check(TestResult result) {
        Double value = ThresholdQuantity.of(name).valueIn(result);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(new ThresholdCheck(text, value, value.isNaN() || holds(value)));
    }

    private boolean holds(double value) {
        return switch (operator) {
            case ">" -> value > limit;
            case ">=" -> value >= limit;
            case "<" -> value < limit;
            case "<=" -> value <= limit;
            case "==" -> value == limit;
            default -> value != limit;
        };
    }

    /**
     * The measured value in the unit this threshold was written in, for messages.
     *
     * @param value a value in the stored unit, NaN when nothing was measured
     * @return e.g. {@code "7.21ms"} (three significant digits, no exponent: {@code 0.000330GB/s}), or {@code "not measured"}
     */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        double scaled = value / factor;
        String number = scaled == Math.rint(scaled) && Math.abs(scaled) < 1e15 ? String.valueOf((long) scaled)
                : new BigDecimal(scaled).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return number + unit;
    }
}
