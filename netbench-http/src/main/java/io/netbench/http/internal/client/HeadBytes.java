package io.netbench.http.internal.client;

import java.nio.charset.StandardCharsets;

/**
 * What {@link ResponseParser} reads in a line of a response head, held in its heap array as
 * {@code buf[from, end)}: ASCII tokens (case-insensitively where HTTP says so), decimal and hex
 * numbers. Static and allocation-free, for the hot path.
 */
final class HeadBytes {
    private HeadBytes() {
    }

    /** {@return the ASCII bytes of {@code s}} */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@return the decimal digit at {@code i}, or a large negative number if it is not one} */
    static int digit(byte[] buf, int i) {
        int d = buf[i] - '0';
        return d >= 0 && d <= 9 ? d : -1000;
    }

    /** {@return the decimal value of {@code [from, end)}, spaces allowed; -1 if malformed} */
    static long parseLong(byte[] buf, int from, int end) {
        long n = -1;
        for (int i = from; i < end; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                n = (n < 0 ? 0 : n * 10) + (c - '0');
                if (n > (1L << 50)) {
                    return -1;
                }
            } else if (c != ' ' && c != '\t') {
                return -1;
            }
        }
        return n;
    }

    /** {@return the hex number at the start of {@code [from, end)} (a chunk size); -1 if none or too long} */
    static long hexSize(byte[] buf, int from, int end) {
        long size = 0;
        int digits = 0;
        for (int i = from; i < end; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (++digits > 15) {
                return -1;
            }
        }
        return digits == 0 ? -1 : size;
    }

    /** {@return whether {@code expected} (lower-case when {@code ignoreCase}) is at {@code at}, before {@code end}} */
    static boolean matches(byte[] buf, int at, int end, byte[] expected, boolean ignoreCase) {
        if (end - at < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            byte c = buf[at + i];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@return whether {@code lower} occurs in {@code [from, end)}, case-insensitively} */
    static boolean contains(byte[] buf, int from, int end, byte[] lower) {
        for (int i = from; i + lower.length <= end; i++) {
            if (matches(buf, i, end, lower, true)) {
                return true;
            }
        }
        return false;
    }
}
