package io.netbench.core;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Parses sizes and counts the way qperf and wrk read them, so that their users' habits carry over.
 *
 * <p>qperf ({@link #parseQperf}) distinguishes case: {@code k}/{@code kb} = 1000, {@code K}/{@code kib}
 * = 1024, and likewise {@code m}/{@code mb}, {@code M}/{@code mib}, {@code g}/{@code gb},
 * {@code G}/{@code gib}; the number may have a fraction ({@code 1.5K}). netbench also accepts the
 * IEC spellings {@code KiB}, {@code MiB}, {@code GiB}, which qperf rejects.
 *
 * <p>wrk ({@link #parseWrk}) reads integers with an optional SI suffix, case-insensitive:
 * {@code k} = 1000, {@code M} = 10^6, {@code G} = 10^9, {@code T}, {@code P}.
 */
public final class Sizes {
    private static final long KI = 1024;
    private static final Map<String, Long> QPERF_UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("k", 1000L), Map.entry("kb", 1000L),
            Map.entry("m", 1000_000L), Map.entry("mb", 1000_000L),
            Map.entry("g", 1000_000_000L), Map.entry("gb", 1000_000_000L),
            Map.entry("K", KI), Map.entry("kib", KI), Map.entry("KiB", KI),
            Map.entry("M", KI * KI), Map.entry("mib", KI * KI), Map.entry("MiB", KI * KI),
            Map.entry("G", KI * KI * KI), Map.entry("gib", KI * KI * KI), Map.entry("GiB", KI * KI * KI));
    private static final String[] WRK_UNITS = {"k", "m", "g", "t", "p"};

    private Sizes() {
    }

    /**
     * A size as qperf's {@code -m}, {@code -sb} and loop bounds read it: {@code 64}, {@code 4K},
     * {@code 256K}, {@code 1M}, {@code 4KiB}, {@code 1.5k}; fractions of a byte are truncated.
     *
     * @param text the value as given
     * @return the size in bytes
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parseQperf(String text) {
        String s = text.trim();
        int end = numberEnd(s, true);
        Long unit = QPERF_UNITS.get(s.substring(end));
        if (end == 0 || unit == null) {
            throw new IllegalArgumentException("bad size: " + text
                    + " (expected a number with an optional unit k, K, kib, m, M, mib, g, G, gib)");
        }
        BigDecimal value = new BigDecimal(s.substring(0, end)).multiply(BigDecimal.valueOf(unit));
        try {
            return value.longValue() >= 0 && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? value.longValue() : overflow(text);
        } catch (ArithmeticException e) {
            return overflow(text);
        }
    }

    /**
     * A count as wrk's {@code -c}, {@code -t} and {@code -R} read it: an integer with an optional
     * SI suffix, case-insensitive ({@code 100}, {@code 10k}, {@code 1M}).
     *
     * @param text the value as given
     * @return the count
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parseWrk(String text) {
        String s = text.trim();
        int end = numberEnd(s, false);
        String suffix = s.substring(end).toLowerCase(java.util.Locale.ROOT);
        if (end == 0) {
            throw new IllegalArgumentException("bad number: " + text + " (expected an integer like 100, 10k or 1M)");
        }
        long scale = 1;
        if (!suffix.isEmpty()) {
            int i = 0;
            for (; i < WRK_UNITS.length; i++) {
                scale = Math.multiplyExact(scale, 1000);
                if (WRK_UNITS[i].equals(suffix)) {
                    break;
                }
            }
            if (i == WRK_UNITS.length) {
                throw new IllegalArgumentException(
                        "bad number: " + text + " (expected an integer with an optional k, M, G, T or P)");
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(s.substring(0, end)), scale);
        } catch (ArithmeticException | NumberFormatException e) {
            return overflow(text);
        }
    }

    private static long overflow(String text) {
        throw new IllegalArgumentException("number too large: " + text);
    }

    /** Index just past the leading unsigned number (digits, and one dot if allowed). */
    static int numberEnd(String s, boolean fraction) {
        int i = 0;
        boolean dot = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' && fraction && !dot) {
                dot = true;
                i++;
            } else {
                break;
            }
        }
        return i == 1 && dot ? 0 : i;
    }
}
