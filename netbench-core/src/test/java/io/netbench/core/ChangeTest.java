package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeTest {
    @Test
    void rankDistributionIsExact() {
        double[] five = Change.lowerTail(5, 5);
        assertEquals(1.0 / 252, five[0], 1e-12, "P(U=0): complete separation, 2 of C(10,5) orders");
        assertEquals(2.0 / 252, five[1], 1e-12);
        assertEquals(4.0 / 252, five[2], 1e-12);
        assertEquals(7.0 / 252, five[3], 1e-12);
        assertEquals(12.0 / 252, five[4], 1e-12);
        assertEquals(1.0 / 3, Change.lowerTail(1, 2)[0], 1e-12);
        assertEquals(1.0 / 70, Change.lowerTail(4, 4)[0], 1e-12);
    }

    @Test
    void aClearDifferenceHasAnIntervalAwayFromZero() {
        Change c = Change.of(new double[] {100, 104, 98, 101, 99}, new double[] {50, 52, 49, 51, 48});
        assertEquals(Change.Verdict.DIFFERENCE, c.verdict());
        assertEquals(-50, c.percent(), 1.5);
        assertTrue(c.lowPercent() <= c.percent() && c.percent() <= c.highPercent() && c.highPercent() < 0, c.toString());
        assertEquals(1 - 2.0 / 252, c.confidence(), 1e-12, "5 vs 5 at 99 %: the min-max of pairwise ratios, 99.2 %");
    }

    @Test
    void overlappingRoundsAreNoDifference() {
        Change c = Change.of(new double[] {10, 12, 9, 11, 13}, new double[] {11, 9.5, 12.5, 10.5, 12});
        assertEquals(Change.Verdict.NO_DIFFERENCE, c.verdict());
        assertTrue(c.lowPercent() < 0 && c.highPercent() > 0, c.toString());
    }

    @Test
    void fewRoundsSayWhy() {
        assertEquals(Change.Verdict.ONE_ROUND, Change.of(new double[] {10}, new double[] {20}).verdict());
        assertEquals(100, Change.of(new double[] {10}, new double[] {20}).percent(), 1e-9);
        assertEquals(Change.Verdict.TOO_FEW_ROUNDS, Change.of(new double[] {10, 11}, new double[] {20, 21}).verdict());
        Change four = Change.of(new double[] {10, 11, 10.5, 10.2}, new double[] {20, 21, 20.5, 20.2});
        assertEquals(Change.Verdict.DIFFERENCE, four.verdict());
        assertEquals(1 - 2.0 / 70, four.confidence(), 1e-12, "4 vs 4 cannot reach 99 %: the widest, 97.1 %");
        assertEquals(Change.Verdict.NOT_COMPARABLE, Change.of(new double[] {0, 0}, new double[] {1, 2}).verdict());
        assertThrows(IllegalArgumentException.class, () -> Change.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Change.of(new double[] {1}, new double[] {1}, 1.5));
    }

    @Test
    void identicalTargetsRarelyDifferAtTheDefaultLevel() {
        Random random = new Random(42);
        int differences = 0;
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[5];
            double[] b = new double[5];
            for (int i = 0; i < 5; i++) {
                a[i] = 100 * Math.exp(0.3 * random.nextGaussian());
                b[i] = 100 * Math.exp(0.3 * random.nextGaussian());
            }
            differences += Change.of(a, b).verdict() == Change.Verdict.DIFFERENCE ? 1 : 0;
        }
        double rate = differences / (double) trials;
        assertTrue(rate < 0.012 && rate > 0.004, "false differences at 99.2 %: expected ~0.8 %, got " + rate);
    }

    @Test
    void spreadIsMedianAndRange() {
        assertEquals(new Spread(5, 3, 1, 9), Spread.of(9, 1, 3, 2, 4));
        assertEquals(new Spread(4, 2.5, 1, 9), Spread.of(9, 1, 3, 2));
    }
}
