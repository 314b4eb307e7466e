package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BalancedOrderTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7})
    void overAFullCycleEachTargetFollowsEachOtherEquallyOftenAndHoldsEachPlaceEquallyOften(int k) {
        List<int[]> rounds = BalancedOrder.rounds(k, 2 * BalancedOrder.cycle(k));
        int[][] follows = new int[k][k];
        int[][] place = new int[k][k];
        for (int[] order : rounds) {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(java.util.stream.IntStream.range(0, k).toArray(), sorted, "every target once a round");
            for (int j = 0; j < k; j++) {
                place[order[j]][j]++;
                if (j > 0) {
                    follows[order[j - 1]][order[j]]++;
                }
            }
        }
        int expectedFollows = follows[0][1];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                assertEquals(a == b ? 0 : expectedFollows, follows[a][b], a + " then " + b + " in " + k);
                assertEquals(place[0][0], place[a][b], "target " + a + " at place " + b);
            }
        }
    }

    @Test
    void theOrderChangesFromRoundToRound() {
        List<int[]> three = BalancedOrder.rounds(3, 5);
        assertEquals(5, three.size());
        for (int r = 1; r < three.size(); r++) {
            assertEquals(false, Arrays.equals(three.get(r - 1), three.get(r)), "round " + r);
        }
        assertArrayEquals(new int[] {0}, BalancedOrder.rounds(1, 3).get(2));
        assertThrows(IllegalArgumentException.class, () -> BalancedOrder.rounds(0, 1));
    }
}
