package io.netbench.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * User labels of a run ({@code --label runtime=runc --label placement=cross-node}): what a
 * report names and groups its columns by. Keys are letters, digits, {@code _ . -}; values are
 * any non-empty text. A {@link RunResult} carries them; reports name and group their columns by them.
 */
public final class Labels {
    /** The label {@code compare} sets to the target's name, and the default column of a report. */
    public static final String TARGET = "target";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    private Labels() {
    }

    /**
     * Parses {@code key=value} pairs, in order; a later key replaces an earlier one.
     *
     * @param pairs the pairs, as given to {@code --label}
     * @return the labels, key to value, in the order given
     * @throws IllegalArgumentException naming the malformed pair
     */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !KEY.matcher(key).matches() || eq == pair.length() - 1) {
                throw new IllegalArgumentException("--label " + pair
                        + ": expected KEY=VALUE, KEY of letters, digits, _ . -");
            }
            labels.put(key, pair.substring(eq + 1));
        }
        return labels;
    }
}
