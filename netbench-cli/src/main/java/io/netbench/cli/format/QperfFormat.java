package io.netbench.cli.format;

import io.netbench.core.PrintfNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats numbers and result blocks exactly as qperf 0.4.11 prints them, so that netbench output
 * can be diffed against qperf's and pasted into the same report.
 *
 * <p>qperf shows {@code precision} significant digits (its {@code -e}, default 3) with trailing
 * zeros removed, never fewer than the integer digits ({@code 1.7}, {@code 30.7}, {@code 4,001});
 * separates thousands with commas (unless {@code -uu} unifies units); and steps units by 1000:
 * {@code bytes/sec}, {@code KB/sec}, {@code MB/sec}...; {@code ns}, {@code us}, {@code ms},
 * {@code sec}; {@code /sec}, {@code K/sec}...; sizes that are an exact multiple of 1024 show as
 * {@code 4 KiB (4,096)}. A {@link Block} lines rows up as qperf does:
 * <pre>
 * tcp_lat:
 *     latency        =  25.4 us
 *     msg_rate       =  39.4 K/sec
 *     loc_cpus_used  =    42 % cpus
 * </pre>
 */
public final class QperfFormat {
    /** qperf's default number of significant digits. */
    public static final int DEFAULT_PRECISION = 3;

    private static final String[] TIME = {"ns", "us", "ms", "sec"};
    private static final String[] RATE = {"/sec", "K/sec", "M/sec", "G/sec", "T/sec"};
    private static final String[] COST = {"ns/GB", "us/GB", "ms/GB", "sec/GB"};
    private static final String[] COUNT = {"", "thousand", "million", "billion", "trillion"};
    private static final String[] BYTES = {"bytes/sec", "KB/sec", "MB/sec", "GB/sec", "TB/sec"};
    private static final String[] BITS = {"bits/sec", "Kb/sec", "Mb/sec", "Gb/sec", "Tb/sec"};
    private static final String[] SIZE = {"bytes", "KB", "MB", "GB", "TB"};
    private static final String[] SIZE_1024 = {"KiB", "MiB", "GiB", "TiB"};

    private final int precision;
    private final boolean unifyUnits;
    private final boolean bitsPerSec;

    /**
     * @param precision significant digits (qperf {@code -e})
     * @param unifyUnits show base units without commas (qperf {@code -uu})
     * @param bitsPerSec show bandwidth in bits (qperf {@code -ub})
     */
    public QperfFormat(int precision, boolean unifyUnits, boolean bitsPerSec) {
        if (precision < 1) {
            throw new IllegalArgumentException("precision must be >= 1: " + precision);
        }
        this.precision = precision;
        this.unifyUnits = unifyUnits;
        this.bitsPerSec = bitsPerSec;
    }

    /** qperf's defaults: 3 significant digits, scaled units, bytes. */
    public static QperfFormat defaults() {
        return new QperfFormat(DEFAULT_PRECISION, false, false);
    }

    /** A formatted value: the number, its unit ({@code null} for plain text) and an alternative. */
    public record Value(String number, String unit, String alternative) {
        static Value of(String number, String unit) {
            return new Value(number, unit, null);
        }
    }

    public Value bandwidth(double bytesPerSec) {
        return bitsPerSec ? scaled(bytesPerSec * 8, BITS) : scaled(bytesPerSec, BYTES);
    }

    public Value time(double seconds) {
        return scaled(seconds * 1e9, TIME);
    }

    public Value rate(double perSecond) {
        return scaled(perSecond, RATE);
    }

    /** CPU cost, given in CPU seconds per gigabyte (10^9 bytes). */
    public Value cost(double cpuSecondsPerGigabyte) {
        return scaled(cpuSecondsPerGigabyte * 1e9, COST);
    }

    /** Busy CPUs, 1.12 meaning {@code 112 % cpus}. */
    public Value cpus(double busyCpus) {
        return Value.of(number(busyCpus * 100), "% cpus");
    }

    /** A count: plain below a million, then {@code million}, {@code billion}... */
    public Value count(long value) {
        return value >= 1_000_000 ? scaled(value, COUNT) : Value.of(number(value), "");
    }

    /** A size in bytes: {@code 64 bytes}, {@code 4 KiB (4,096)}, {@code 1.5 KB}. */
    public Value size(long bytes) {
        if (!unifyUnits && bytes >= 1024 && bytes % 1024 == 0) {
            long value = bytes / 1024;
            int unit = 0;
            while (value >= 1024 && unit < SIZE_1024.length - 1 && value % 1024 == 0) {
                value /= 1024;
                unit++;
            }
            if (value < 1024 || unit == SIZE_1024.length - 1) {
                return new Value(commify(Long.toString(value)), SIZE_1024[unit], commify(Long.toString(bytes)));
            }
        }
        return scaled(bytes, SIZE);
    }

    /** Text shown as it is, without a unit column. */
    public Value text(String text) {
        return new Value(text, null, null);
    }

    private Value scaled(double value, String[] units) {
        int unit = 0;
        if (!unifyUnits) {
            while (value >= 1000 && unit < units.length - 1) {
                value /= 1000;
                unit++;
            }
        }
        return Value.of(number(value), units[unit]);
    }

    /** A number with {@code precision} significant digits, trailing zeros dropped, commas added. */
    public String number(double value) {
        String whole = PrintfNumbers.fixed(value, 0);
        int decimals = precision - (int) whole.chars().filter(Character::isDigit).count();
        String text = whole;
        if (decimals > 0) {
            text = PrintfNumbers.fixed(value, decimals);
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '0') {
                end--;
            }
            if (end > 0 && text.charAt(end - 1) == '.') {
                end--;
            }
            text = text.substring(0, end);
        }
        return unifyUnits ? text : commify(text);
    }

    /** Inserts thousands separators into the integer part of a decimal number. */
    static String commify(String number) {
        int start = number.startsWith("-") ? 1 : 0;
        int dot = number.indexOf('.');
        int end = dot < 0 ? number.length() : dot;
        StringBuilder out = new StringBuilder(number.length() + 8).append(number, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(number.charAt(i));
        }
        return out.append(number, end, number.length()).toString();
    }

    /**
     * The rows of one test's result, rendered as qperf aligns them: names left-aligned to the
     * longest, {@code =} in one column, numbers right-aligned to the widest, units after.
     */
    public static final class Block {
        private final List<String> names = new ArrayList<>();
        private final List<Value> values = new ArrayList<>();

        /** Adds a row; rows show in the order added. */
        public Block add(String name, Value value) {
            names.add(name);
            values.add(value);
            return this;
        }

        public boolean isEmpty() {
            return names.isEmpty();
        }

        /** The rows, each ending in a newline, without the {@code test:} heading. */
        public String render() {
            int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
            int numberWidth = values.stream().filter(v -> v.unit() != null)
                    .mapToInt(v -> v.number().length()).max().orElse(0);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                Value v = values.get(i);
                out.append("    ").append(pad(names.get(i), nameWidth, false)).append("  =  ");
                if (v.unit() != null) {
                    out.append(pad(v.number(), numberWidth, true)).append(' ').append(v.unit());
                } else {
                    out.append(v.number());
                }
                if (v.alternative() != null) {
                    out.append(" (").append(v.alternative()).append(')');
                }
                out.append('\n');
            }
            return out.toString();
        }

        private static String pad(String s, int width, boolean right) {
            String fill = " ".repeat(Math.max(0, width - s.length()));
            return right ? fill + s : s + fill;
        }
    }
}
