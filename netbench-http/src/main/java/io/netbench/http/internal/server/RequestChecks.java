package io.netbench.http.internal.server;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Iterator;
import java.util.Map;

/**
 * What the server refuses in a request before answering it, and the numbers its paths carry
 * ({@code /bytes/{n}}, {@code /delay/{ms}}, {@code /status/{code}}), each with its bound.
 */
final class RequestChecks {
    /** The largest {@code /bytes/{n}} body: 64 MiB. */
    static final long MAX_BYTES = 64L << 20;
    /** The longest {@code /delay/{ms}}: a minute. */
    static final long MAX_DELAY_MS = 60_000;
    /** The largest request body accepted (and dropped): 1 GiB. */
    static final long MAX_BODY = 1L << 30;

    private RequestChecks() {
    }

    /** {@return the status answering a request the decoder could not read: 431 for a head too large, else 400} */
    static int failure(DecoderResult result) {
        return result.cause() instanceof TooLongFrameException ? 431 : 400;
    }

    /**
     * {@return the status refusing a request head, or 0 to go on}: versions other than HTTP/1.x
     * (505), NUL bytes (400), expectations other than {@code 100-continue} (417), a body above
     * {@link #MAX_BODY} (413)
     *
     * @param expect its {@code Expect} header, or null
     */
    static int refusal(HttpRequest r, String expect) {
        HttpVersion version = r.protocolVersion();
        return version.majorVersion() != 1 ? 505 : hasNul(r) ? 400
                : expect != null && version.equals(HttpVersion.HTTP_1_1)
                        && !expect.equalsIgnoreCase(HttpHeaderValues.CONTINUE.toString()) ? 417
                : HttpUtil.getContentLength(r, 0L) > MAX_BODY ? 413 : 0;
    }

    static boolean hasNul(HttpRequest r) {
        if (r.uri().indexOf(0) >= 0) {
            return true;
        }
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = r.headers().iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (hasNul(header.getKey()) || hasNul(header.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNul(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The decimal number after {@code prefix}, or -1 if absent, malformed or above {@code max}. */
    static long number(String path, String prefix, long max) {
        String digits = path.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long n = Long.parseLong(digits);
        return n <= max ? n : -1;
    }
}
