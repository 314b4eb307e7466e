package io.netbench.http.internal.server;

import java.time.Duration;

/**
 * Repeats a warm-up round until what it measures stops improving. A fresh JVM serves HTTP faster
 * round after round while the JIT compiles the pipeline and the codec, for seconds, and how long
 * that takes depends on the machine and on what else runs on it, so no fixed time fits: the rounds go on until {@link #STEADY_ROUNDS} in a row have not beaten the best
 * rate before them by more than {@link #GAIN}, or until the time allowed is spent. Not part of
 * the public API.
 */
public final class WarmupRounds {
    /** Rounds before steadiness is judged at all. */
    private static final int MIN_ROUNDS = 3;
    /** Rounds in a row without a gain that make the warm-up steady. */
    private static final int STEADY_ROUNDS = 2;
    /** A rate this much above the best so far is still a gain. */
    private static final double GAIN = 0.05;

    /** One round: runs, and returns its rate (higher is faster). */
    @FunctionalInterface
    public interface Round<E extends Exception> {
        double run() throws E;
    }

    private WarmupRounds() {
    }

    /**
     * Runs {@code round} until steady or until {@code max} has passed (at least once).
     *
     * @return the number of rounds run
     */
    public static <E extends Exception> int untilSteady(Duration max, Round<E> round) throws E {
        long end = System.nanoTime() + max.toNanos();
        double best = round.run();
        int rounds = 1;
        int withoutGain = 0;
        while (System.nanoTime() < end && (rounds < MIN_ROUNDS || withoutGain < STEADY_ROUNDS)) {
            double rate = round.run();
            rounds++;
            withoutGain = rate > best * (1 + GAIN) ? 0 : withoutGain + 1;
            best = Math.max(best, rate);
        }
        return rounds;
    }
}
