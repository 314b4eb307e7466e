package io.netbench.core;

/**
 * The outcome of one {@link Threshold} on one {@link TestResult}, as results carry it
 * ({@link TestResult#thresholds()}) and JSON records it.
 *
 * @param threshold the threshold as written, e.g. {@code "p99>5ms"}
 * @param value the measured figure in its stored unit (ns, bytes/s, 1/s, a count); NaN when the
 *              threshold applied but nothing was measured
 * @param breached whether the threshold's failure condition held (or nothing was measured)
 */
public record ThresholdCheck(String threshold, double value, boolean breached) {
    /**
     * Checks the fields.
     *
     * @param threshold required
     * @param value any value, NaN for not measured
     * @param breached the outcome
     * @throws IllegalArgumentException without a threshold
     */
    public ThresholdCheck {
        if (threshold == null || threshold.isBlank()) {
            throw new IllegalArgumentException("threshold must be set");
        }
    }
}
