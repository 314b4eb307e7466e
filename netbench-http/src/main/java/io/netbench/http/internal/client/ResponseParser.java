package io.netbench.http.internal.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An incremental HTTP/1.1 response parser working on raw bytes: status line, the three headers
 * that frame a response (Content-Length, Transfer-Encoding: chunked, Connection), and the body
 * skipped by length, by chunks or until the connection closes. It allocates nothing per response
 * and handles pipelined responses split at any byte boundary. 1xx responses are skipped;
 * responses to HEAD and 204/304 have no body.
 */
public final class ResponseParser {
    /** Receives each complete response. */
    public interface Listener {
        void onResponse(int status, boolean keepAlive);
    }

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE }

    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};

    private final boolean headRequests;
    private final ByteBuf line = Unpooled.buffer(256);
    private State state = State.STATUS;
    private int status;
    private boolean http10;
    private boolean keepAlive;
    private boolean chunked;
    private long remaining;

    /** @param headRequests the requests are HEAD: responses have no body */
    public ResponseParser(boolean headRequests) {
        this.headRequests = headRequests;
    }

    /**
     * Consumes {@code in}, calling {@code listener} for every response completed.
     *
     * @return false on a protocol error (the connection should be closed)
     */
    public boolean parse(ByteBuf in, Listener listener) {
        while (in.isReadable()) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY) {
                            complete(listener);
                        } else {
                            state = State.CHUNK_END;
                        }
                    }
                }
                case UNTIL_CLOSE -> in.skipBytes(in.readableBytes());
                default -> {
                    ByteBuf text = readLine(in);
                    if (text == null) {
                        if (line.readableBytes() > MAX_LINE) {
                            return false;
                        }
                        return true;
                    }
                    if (!onLine(text, listener)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The connection closed: completes a response delimited by the close. */
    public boolean onClose(Listener listener) {
        if (state == State.UNTIL_CLOSE) {
            keepAlive = false;
            complete(listener);
            return true;
        }
        return state == State.STATUS && !line.isReadable();
    }

    /** Whether a response has begun and not completed. */
    public boolean inResponse() {
        return state != State.STATUS || line.isReadable();
    }

    /** One line without CRLF, or null if incomplete (kept for the next buffer). */
    private ByteBuf readLine(ByteBuf in) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            line.writeBytes(in);
            return null;
        }
        ByteBuf text;
        if (line.isReadable()) {
            line.writeBytes(in, eol - in.readerIndex());
            in.skipBytes(1);
            text = line;
        } else {
            text = in.readSlice(eol - in.readerIndex());
            in.skipBytes(1);
        }
        if (text.isReadable() && text.getByte(text.writerIndex() - 1) == '\r') {
            text = text.slice(text.readerIndex(), text.readableBytes() - 1);
        }
        return text;
    }

    private boolean onLine(ByteBuf text, Listener listener) {
        try {
            return switch (state) {
                case STATUS -> statusLine(text);
                case HEADERS -> text.isReadable() ? header(text) : endOfHeaders(listener);
                case CHUNK_SIZE -> chunkSize(text, listener);
                case CHUNK_END -> {
                    state = State.CHUNK_SIZE;
                    yield !text.isReadable();
                }
                case TRAILERS -> {
                    if (!text.isReadable()) {
                        complete(listener);
                    }
                    yield true;
                }
                default -> false;
            };
        } finally {
            line.clear();
        }
    }

    private boolean statusLine(ByteBuf text) {
        if (!text.isReadable()) {
            return true;
        }
        if (text.readableBytes() < 12 || !isHttp1(text)) {
            return false;
        }
        int i = text.readerIndex();
        http10 = text.getByte(i + 7) == '0';
        status = digit(text, i + 9) * 100 + digit(text, i + 10) * 10 + digit(text, i + 11);
        if (status < 100 || status > 999) {
            return false;
        }
        keepAlive = !http10;
        chunked = false;
        remaining = -1;
        state = State.HEADERS;
        return true;
    }

    private boolean header(ByteBuf text) {
        int colon = text.indexOf(text.readerIndex(), text.writerIndex(), (byte) ':');
        if (colon < 0) {
            return false;
        }
        int nameLength = colon - text.readerIndex();
        ByteBuf value = text.slice(colon + 1, text.writerIndex() - colon - 1);
        if (nameLength == 14 && startsWith(text, "content-length")) {
            remaining = parseLong(value);
            return remaining >= 0;
        }
        if (nameLength == 17 && startsWith(text, "transfer-encoding")) {
            chunked = contains(value, "chunked");
        } else if (nameLength == 10 && startsWith(text, "connection")) {
            if (contains(value, "close")) {
                keepAlive = false;
            } else if (contains(value, "keep-alive")) {
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

    private boolean chunkSize(ByteBuf text, Listener listener) {
        long size = 0;
        int digits = 0;
        for (int i = text.readerIndex(); i < text.writerIndex(); i++) {
            int d = Character.digit(text.getByte(i), 16);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (++digits > 15) {
                return false;
            }
        }
        if (digits == 0) {
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

    private static boolean isHttp1(ByteBuf text) {
        for (int i = 0; i < HTTP_1.length; i++) {
            if (text.getByte(text.readerIndex() + i) != HTTP_1[i]) {
                return false;
            }
        }
        return true;
    }

    private static int digit(ByteBuf b, int i) {
        int d = b.getByte(i) - '0';
        return d >= 0 && d <= 9 ? d : -1000;
    }

    private static long parseLong(ByteBuf value) {
        long n = -1;
        for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
            byte c = value.getByte(i);
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

    /** Case-insensitive prefix match against a lower-case ASCII name. */
    private static boolean startsWith(ByteBuf text, String lower) {
        if (text.readableBytes() < lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase((char) text.getByte(text.readerIndex() + i)) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(ByteBuf value, String lower) {
        for (int i = value.readerIndex(); i + lower.length() <= value.writerIndex(); i++) {
            if (startsWith(value.slice(i, value.writerIndex() - i), lower)) {
                return true;
            }
        }
        return false;
    }

    /** Frees the line buffer. */
    public void release() {
        line.release();
    }
}
