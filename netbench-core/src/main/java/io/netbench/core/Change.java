package io.netbench.core;

import java.util.Arrays;

/**
 * How a target's figure differs from the baseline's, over rounds, with an interval that says
 * whether the difference is more than the rounds' noise: the verdict of a comparison cell.
 *
 * <h2>Method</h2>
 * The change is estimated on the ratio scale: the Hodges–Lehmann estimate, the median of the
 * log ratios {@code ln(candidate_j / baseline_i)} over every pair of rounds, shown as a
 * percentage. Its interval is the distribution-free one that goes with the Mann–Whitney rank
 * test (Moses): the K-th smallest and K-th largest of those pairwise ratios, K taken from the
 * exact null distribution of the rank statistic for the two numbers of rounds. No normal
 * distribution is assumed, which matters for benchmark figures (skewed, with outlier rounds), and
 * the interval holds 0 % exactly when the rank test finds no difference at that level.
 *
 * <p>The level is {@link #DEFAULT_CONFIDENCE} unless asked otherwise. With few rounds the exact
 * levels are coarse, so the narrowest interval whose level is at least the one asked for is used,
 * or the widest there is when none reaches it (5 rounds against 5: 99.2 % when 99 % is asked,
 * the pairwise minimum and maximum; 4 against 4: 97.1 %), and {@link #confidence()} says which.
 * Fewer rounds than reach 90 % give {@link Verdict#TOO_FEW_ROUNDS}; one round each gives
 * {@link Verdict#ONE_ROUND}. Figures that are 0 or negative have no ratio
 * ({@link Verdict#NOT_COMPARABLE}).
 *
 * <pre>{@code
 * Change c = Change.of(baselineRounds, candidateRounds);
 * if (c.verdict() == Change.Verdict.DIFFERENCE) {
 *     System.out.printf("%+.1f %% [%+.1f, %+.1f]%n", c.percent(), c.lowPercent(), c.highPercent());
 * }
 * }</pre>
 *
 * @param verdict what the interval says
 * @param percent the estimated change in % (NaN without a ratio)
 * @param lowPercent the interval's low end in % (NaN without an interval)
 * @param highPercent the interval's high end in % (NaN without an interval)
 * @param confidence the interval's exact confidence level (0..1; NaN without an interval)
 */
public record Change(Verdict verdict, double percent, double lowPercent, double highPercent, double confidence) {
    /** The confidence level asked for by default: with many cells in a table, 95 % flags one in twenty by chance. */
    public static final double DEFAULT_CONFIDENCE = 0.99;
    /** Below this exact level an interval is not worth showing. */
    private static final double LOWEST_CONFIDENCE = 0.90;

    /** What a comparison cell says. */
    public enum Verdict {
        /** The interval holds 0 %: the rounds do not show a difference. */
        NO_DIFFERENCE,
        /** The interval lies on one side of 0 %. */
        DIFFERENCE,
        /** Each side ran once: no interval. */
        ONE_ROUND,
        /** Too few rounds for an interval of at least 90 %. */
        TOO_FEW_ROUNDS,
        /** A value is 0 or negative: no ratio. */
        NOT_COMPARABLE
    }

    /**
     * Compares two targets' rounds at {@link #DEFAULT_CONFIDENCE}.
     *
     * @param baseline the baseline's figure, one value per round
     * @param candidate the candidate's figure, one value per round
     * @return how the candidate differs from the baseline
     * @throws IllegalArgumentException if either side has no values
     */
    public static Change of(double[] baseline, double[] candidate) {
        return of(baseline, candidate, DEFAULT_CONFIDENCE);
    }

    /**
     * Compares two targets' rounds.
     *
     * @param baseline the baseline's figure, one value per round
     * @param candidate the candidate's figure, one value per round
     * @param confidence the level asked for, in (0, 1)
     * @return how the candidate differs from the baseline
     * @throws IllegalArgumentException if either side has no values or the level is out of range
     */
    public static Change of(double[] baseline, double[] candidate, double confidence) {
        if (baseline.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("no rounds to compare");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (Arrays.stream(baseline).anyMatch(v -> !(v > 0)) || Arrays.stream(candidate).anyMatch(v -> !(v > 0))) {
            return new Change(Verdict.NOT_COMPARABLE, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int m = baseline.length;
        int n = candidate.length;
        double[] logRatios = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                logRatios[i * n + j] = Math.log(candidate[j] / baseline[i]);
            }
        }
        Arrays.sort(logRatios);
        double estimate = percent(Spread.of(logRatios).median());
        if (m == 1 && n == 1) {
            return new Change(Verdict.ONE_ROUND, estimate, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] tail = lowerTail(m, n);
        int k = 0;
        while (k + 1 < tail.length && 1 - 2 * tail[k + 1] >= confidence) {
            k++;
        }
        double level = 1 - 2 * tail[k];
        if (level < LOWEST_CONFIDENCE) {
            return new Change(Verdict.TOO_FEW_ROUNDS, estimate, Double.NaN, Double.NaN, level);
        }
        double low = logRatios[k];
        double high = logRatios[logRatios.length - 1 - k];
        Verdict verdict = low <= 0 && high >= 0 ? Verdict.NO_DIFFERENCE : Verdict.DIFFERENCE;
        return new Change(verdict, estimate, percent(low), percent(high), level);
    }

    private static double percent(double logRatio) {
        return Math.expm1(logRatio) * 100;
    }

    /**
     * {@code tail[k]} = P(U &le; k) under the null hypothesis, for the Mann–Whitney statistic U of
     * samples of sizes m and n, k = 0..m*n/2.
     */
    static double[] lowerTail(int m, int n) {
        int max = m * n;
        // ways[j][u]: arrangements of j of the first sample among the values so far with rank sum u
        double[][] ways = new double[m + 1][max + 1];
        ways[0][0] = 1;
        for (int seen = 1; seen <= m + n; seen++) {
            for (int j = Math.min(seen, m); j >= 1; j--) {
                int others = seen - j;
                if (others > n) {
                    continue;
                }
                for (int u = max; u >= others; u--) {
                    ways[j][u] += ways[j - 1][u - others];
                }
            }
        }
        double total = Arrays.stream(ways[m]).sum();
        double[] tail = new double[max / 2 + 1];
        double cumulative = 0;
        for (int u = 0; u < tail.length; u++) {
            cumulative += ways[m][u];
            tail[u] = cumulative / total;
        }
        return tail;
    }
}
