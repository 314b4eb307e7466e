package io.netbench.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Parses durations the way qperf's {@code -t} and wrk's {@code -d}/{@code --timeout} read them.
 *
 * <p>qperf ({@link #parseQperf}): a number of seconds, optionally with one suffix {@code s},
 * {@code m}, {@code h} or {@code d} (any case); fractions are allowed and the result truncated to
 * whole seconds, as qperf does. wrk ({@link #parseWrk}): an integer with an optional suffix
 * {@code s}, {@code m} or {@code h}; netbench also accepts {@code ms} ({@code 500ms}), which wrk
 * rejects.
 */
public final class Durations {
    private Durations() {
    }

    /**
     * A qperf duration: {@code 2}, {@code 10s}, {@code 1.5m}, {@code 1h}, {@code 1d}.
     *
     * @param text the value as given
     * @return the duration, truncated to whole seconds
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Duration parseQperf(String text) {
        String s = text.trim();
        int end = Sizes.numberEnd(s, true);
        String suffix = s.substring(end).toLowerCase(Locale.ROOT);
        long unitSeconds = switch (suffix) {
            case "", "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> -1;
        };
        if (end == 0 || unitSeconds < 0) {
            throw new IllegalArgumentException(
                    "bad time: " + text + " (expected seconds, optionally with a unit s, m, h or d)");
        }
        return Duration.ofSeconds(new BigDecimal(s.substring(0, end)).multiply(BigDecimal.valueOf(unitSeconds))
                .longValue());
    }

    /**
     * A wrk duration: {@code 10}, {@code 10s}, {@code 3m}, {@code 1h}, or {@code 500ms}.
     *
     * @param text the value as given
     * @return the duration
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Duration parseWrk(String text) {
        String s = text.trim();
        int end = Sizes.numberEnd(s, false);
        String suffix = s.substring(end).toLowerCase(Locale.ROOT);
        if (end > 0 && end <= 12) {
            long n = Long.parseLong(s.substring(0, end));
            switch (suffix) {
                case "", "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                case "ms":
                    return Duration.ofMillis(n);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "bad duration: " + text + " (expected an integer with an optional unit ms, s, m or h, e.g. 10s)");
    }

    /**
     * A duration as a user writes one, for messages: {@code 0s}, {@code 500ms}, {@code 10s},
     * {@code 3m}, {@code 1h}, {@code 90s}, {@code -1s}, {@code 500us}, {@code 5ns}; not Java's
     * {@code PT0S}.
     *
     * @param duration any duration, or {@code null}
     * @return the text, {@code null} for {@code null}
     */
    public static String format(Duration duration) {
        if (duration == null) {
            return "null";
        }
        if (duration.getNano() % 1_000_000 != 0) {
            long nanos = duration.toNanos();
            return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
        }
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
