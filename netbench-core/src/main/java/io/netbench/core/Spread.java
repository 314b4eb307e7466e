package io.netbench.core;

import java.util.Arrays;

/**
 * The rounds of one figure for one target, summarised: the median, which a single disturbed
 * round cannot move far, and the range (min–max) over which the rounds spread.
 *
 * @param rounds the number of values
 * @param median the median (the mean of the middle two for an even number)
 * @param min the lowest value
 * @param max the highest value
 */
public record Spread(int rounds, double median, double min, double max) {
    /**
     * Summarises rounds.
     *
     * @param values one value per round; the array is left as it is
     * @return their median and range
     * @throws IllegalArgumentException if there are none
     */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(n, median, v[0], v[n - 1]);
    }
}
