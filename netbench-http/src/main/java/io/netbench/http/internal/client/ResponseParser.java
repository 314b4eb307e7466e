package io.netbench.http.internal.client;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An incremental HTTP/1.1 response parser working on raw bytes: status line, the three headers
 * that frame a response (Content-Length, Transfer-Encoding: chunked, Connection), and the body
 * skipped by length, by chunks or until the connection closes. It handles pipelined responses
 * split at any byte boundary. 1xx responses are skipped; responses to HEAD and 204/304 have no
 * body.
 *
 * <p>Heads are parsed in a heap array the received bytes are copied into (a small copy that
 * spares a bounds and reference-count check on every byte of a direct buffer); bodies are skipped
 * in the received buffer without a copy. Nothing is allocated per response.
 */
final class ResponseParser {
    /** Receives each complete response. */
    public interface Listener {
        void onResponse(int status, boolean keepAlive);
    }

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE }

    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] HTTP_1 = HeadBytes.ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = HeadBytes.ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = HeadBytes.ascii("transfer-encoding");
    private static final byte[] CONNECTION = HeadBytes.ascii("connection");
    private static final byte[] CHUNKED = HeadBytes.ascii("chunked");
    private static final byte[] CLOSE = HeadBytes.ascii("close");
    private static final byte[] KEEP_ALIVE = HeadBytes.ascii("keep-alive");

    private final boolean headRequests;
    private final boolean capture;
    private final List<String> headers = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    /** Received bytes not yet parsed are {@code buf[pos, len)}. */
    private byte[] buf = new byte[2048];
    private int pos;
    private int len;
    private State state = State.STATUS;
    private int status;
    private boolean http10;
    private boolean keepAlive;
    private boolean chunked;
    private long remaining;
    /** The current line, without CRLF: {@code buf[start, end)}. */
    private int start;
    private int end;

    /**
     * @param headRequests the requests are HEAD: responses have no body
     * @param capture keep each response's headers and body for {@link #headers()} and {@link #body()}
     */
    public ResponseParser(boolean headRequests, boolean capture) {
        this.headRequests = headRequests;
        this.capture = capture;
    }

    /** The headers of the last complete response, name and value alternating (when capturing). */
    public List<String> headers() {
        return headers;
    }

    /** The body of the last complete response (when capturing). */
    public String body() {
        return body.toString();
    }

    /**
     * Consumes {@code in}, calling {@code listener} for every response completed.
     *
     * @return false on a protocol error (the connection should be closed)
     */
    public boolean parse(ByteBuf in, Listener listener) {
        while (true) {
            if (pos == len) {
                pos = 0;
                len = 0;
                if (!in.isReadable()) {
                    return true;
                }
                if (inBody()) {
                    int n = bodyLength(in.readableBytes());
                    if (capture) {
                        body.append(in.toString(in.readerIndex(), n, StandardCharsets.ISO_8859_1));
                    }
                    in.skipBytes(n);
                    bodyConsumed(n, listener);
                    continue;
                }
                fill(in);
            }
            if (inBody()) {
                int n = bodyLength(len - pos);
                if (capture) {
                    body.append(new String(buf, pos, n, StandardCharsets.ISO_8859_1));
                }
                pos += n;
                bodyConsumed(n, listener);
            } else if (!nextLine()) {
                if (len - pos > MAX_LINE) {
                    return false;
                }
                if (!in.isReadable()) {
                    return true;
                }
                fill(in);
            } else if (!onLine(listener)) {
                return false;
            }
        }
    }

    /** Appends what fits of {@code in} behind the unparsed bytes, moved to the front (growing for a long line). */
    private void fill(ByteBuf in) {
        int kept = len - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            len = kept;
        }
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = Math.min(in.readableBytes(), buf.length - len);
        in.readBytes(buf, len, n);
        len += n;
    }

    private boolean inBody() {
        return state == State.BODY || state == State.CHUNK_DATA || state == State.UNTIL_CLOSE;
    }

    /** How many of {@code available} bytes belong to the body. */
    private int bodyLength(int available) {
        return state == State.UNTIL_CLOSE ? available : (int) Math.min(remaining, available);
    }

    private void bodyConsumed(int n, Listener listener) {
        if (state == State.UNTIL_CLOSE) {
            return;
        }
        remaining -= n;
        if (remaining == 0) {
            if (state == State.BODY) {
                complete(listener);
            } else {
                state = State.CHUNK_END;
            }
        }
    }

    /** The connection closed: completes a response delimited by the close. */
    public boolean onClose(Listener listener) {
        if (state == State.UNTIL_CLOSE) {
            keepAlive = false;
            complete(listener);
            return true;
        }
        return state == State.STATUS && pos == len;
    }

    /** Whether a response has begun and not completed. */
    public boolean inResponse() {
        return state != State.STATUS || pos < len;
    }

    /** Takes the next complete line of {@link #buf} as [{@link #start}, {@link #end}); false if there is none yet. */
    private boolean nextLine() {
        byte[] b = buf;
        for (int i = pos; i < len; i++) {
            if (b[i] == '\n') {
                start = pos;
                end = i > pos && b[i - 1] == '\r' ? i - 1 : i;
                pos = i + 1;
                return true;
            }
        }
        return false;
    }

    private boolean onLine(Listener listener) {
        return switch (state) {
            case STATUS -> statusLine();
            case HEADERS -> end > start ? header() : endOfHeaders(listener);
            case CHUNK_SIZE -> chunkSize();
            case CHUNK_END -> {
                state = State.CHUNK_SIZE;
                yield end == start;
            }
            case TRAILERS -> {
                if (end == start) {
                    complete(listener);
                }
                yield true;
            }
            default -> false;
        };
    }

    private boolean statusLine() {
        if (end == start) {
            return true;
        }
        if (end - start < 12 || !HeadBytes.matches(buf, start, end, HTTP_1, false)) {
            return false;
        }
        http10 = buf[start + 7] == '0';
        status = HeadBytes.digit(buf, start + 9) * 100 + HeadBytes.digit(buf, start + 10) * 10
                + HeadBytes.digit(buf, start + 11);
        if (status < 100 || status > 999) {
            return false;
        }
        keepAlive = !http10;
        chunked = false;
        remaining = -1;
        state = State.HEADERS;
        if (capture) {
            headers.clear();
            body.setLength(0);
        }
        return true;
    }

    private boolean header() {
        int colon = start;
        while (colon < end && buf[colon] != ':') {
            colon++;
        }
        if (colon == end) {
            return false;
        }
        int nameLength = colon - start;
        if (capture) {
            headers.add(new String(buf, start, nameLength, StandardCharsets.ISO_8859_1));
            headers.add(new String(buf, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).trim());
        }
        if (nameLength == CONTENT_LENGTH.length && HeadBytes.matches(buf, start, end, CONTENT_LENGTH, true)) {
            remaining = HeadBytes.parseLong(buf, colon + 1, end);
            return remaining >= 0;
        }
        if (nameLength == TRANSFER_ENCODING.length && HeadBytes.matches(buf, start, end, TRANSFER_ENCODING, true)) {
            chunked = HeadBytes.contains(buf, colon + 1, end, CHUNKED);
        } else if (nameLength == CONNECTION.length && HeadBytes.matches(buf, start, end, CONNECTION, true)) {
            if (HeadBytes.contains(buf, colon + 1, end, CLOSE)) {
                keepAlive = false;
            } else if (HeadBytes.contains(buf, colon + 1, end, KEEP_ALIVE)) {
                keepAlive = true;
            }
        }
        return true;
    }

    private boolean endOfHeaders(Listener listener) {
        if (status < 200) {
            state = State.STATUS;
            return true;
        }
        if (headRequests || status == 204 || status == 304) {
            complete(listener);
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (remaining > 0) {
            state = State.BODY;
        } else if (remaining == 0) {
            complete(listener);
        } else {
            state = State.UNTIL_CLOSE;
        }
        return true;
    }

    private boolean chunkSize() {
        long size = HeadBytes.hexSize(buf, start, end);
        if (size < 0) {
            return false;
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return true;
    }

    private void complete(Listener listener) {
        state = State.STATUS;
        listener.onResponse(status, keepAlive);
    }
}
