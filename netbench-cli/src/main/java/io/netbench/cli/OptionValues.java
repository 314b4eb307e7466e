package io.netbench.cli;

import io.netbench.core.Durations;
import io.netbench.core.Sizes;
import java.time.Duration;
import java.util.function.Function;

/**
 * Option values read with qperf's and wrk's own parsers (core's {@link Sizes} and
 * {@link Durations}), each failure naming the option and saying it in the user's units, not
 * Java's: {@code -t bad time: 1x (...)}, {@code -d 0: must be positive}.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** A qperf size ({@code -m 4K}). */
    static long qperfSize(String option, String text) {
        return parse(option, text, Sizes::parseQperf);
    }

    /** A qperf time in whole seconds, as qperf truncates it ({@code -ws 5}). */
    static long qperfSeconds(String option, String text) {
        return parse(option, text, Durations::parseQperf).toSeconds();
    }

    /** A qperf time of at least one second ({@code -t 2}). */
    static long qperfSecondsAtLeastOne(String option, String text) {
        long seconds = qperfSeconds(option, text);
        if (seconds < 1) {
            throw new IllegalArgumentException(option + " " + text + ": expected at least 1 second");
        }
        return seconds;
    }

    /** A wrk count ({@code -c 10k}). */
    static long wrkCount(String option, String text) {
        return parse(option, text, Sizes::parseWrk);
    }

    /** A wrk duration, 0 allowed ({@code --warmup 0}). */
    static Duration wrkDuration(String option, String text) {
        return parse(option, text, Durations::parseWrk);
    }

    /** A wrk duration that must be longer than nothing ({@code -d 10s}). */
    static Duration positiveWrkDuration(String option, String text) {
        Duration duration = wrkDuration(option, text);
        if (duration.isZero()) {
            throw new IllegalArgumentException(option + " " + text + ": must be positive");
        }
        return duration;
    }

    private static <T> T parse(String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }
}
