package io.netbench.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which targets take turns, round after round, so that no target always runs
 * after the same other one (a Williams design). On a shared machine the figures drift over
 * minutes and a run is disturbed by the one before it; a fixed order would turn either into a
 * difference between targets.
 *
 * <p>Over every {@link #cycle(int)} rounds each target runs in each position equally often and
 * follows each other target equally often: over {@code k} rounds for an even number of targets
 * {@code k}, over {@code 2k} for an odd one. Fewer rounds are as balanced as their number allows.
 */
public final class BalancedOrder {
    private BalancedOrder() {
    }

    /**
     * The targets' order in each round.
     *
     * @param targets how many targets, at least 1
     * @param rounds how many rounds, at least 1
     * @return per round, the targets' indexes (0..targets-1) in the order they run
     * @throws IllegalArgumentException if targets or rounds is below 1
     */
    public static List<int[]> rounds(int targets, int rounds) {
        if (targets < 1 || rounds < 1) {
            throw new IllegalArgumentException("need at least one target and one round: " + targets + ", " + rounds);
        }
        int[] base = new int[targets];
        for (int j = 1; j < targets; j++) {
            base[j] = j % 2 == 1 ? (j + 1) / 2 : targets - j / 2;
        }
        List<int[]> orders = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int row = r % cycle(targets);
            int[] order = new int[targets];
            for (int j = 0; j < targets; j++) {
                int shifted = (base[j] + row % targets) % targets;
                order[row < targets ? j : targets - 1 - j] = shifted;
            }
            orders.add(order);
        }
        return orders;
    }

    /**
     * The length of a fully balanced cycle.
     *
     * @param targets how many targets (k)
     * @return the number of rounds after which the order is fully balanced: k for even k, 2k for odd k
     */
    public static int cycle(int targets) {
        return targets % 2 == 0 ? targets : 2 * targets;
    }
}
