package io.netbench.core;

/**
 * Splits a total (connections, requests per second) among N clients exactly: every share is
 * {@code total / n} or one more, the first {@code total % n} get the extra one, and the shares add
 * up to the total. Used by the Kubernetes Indexed Job, where client {@code JOB_COMPLETION_INDEX}
 * takes its share ({@code netbench wrk --share INDEX/N}).
 */
public final class LoadShare {
    private LoadShare() {
    }

    /**
     * The share of one client.
     *
     * @param total what is shared, not negative
     * @param n the number of clients, at least 1
     * @param index the client, 0-based
     * @return its share
     * @throws IllegalArgumentException if {@code index} is not in [0, n) or total is negative
     */
    public static long of(long total, int n, int index) {
        if (n < 1 || index < 0 || index >= n) {
            throw new IllegalArgumentException("share " + index + "/" + n + ": expected 0 <= index < n");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0: " + total);
        }
        return total / n + (index < total % n ? 1 : 0);
    }

    /**
     * Parses a client's place among the clients.
     *
     * @param text {@code INDEX/N}, e.g. {@code 3/8}
     * @return {@code {INDEX, N}}
     * @throws IllegalArgumentException if the text is not of that form or INDEX is not in [0, N)
     */
    public static int[] parse(String text) {
        String[] parts = text.split("/");
        try {
            int[] share = {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            of(0, share[1], share[0]);
            if (parts.length == 2) {
                return share;
            }
        } catch (RuntimeException e) {
            // fall through to one message
        }
        throw new IllegalArgumentException("bad share: " + text + " (expected INDEX/N with 0 <= INDEX < N, e.g. 0/4)");
    }
}
