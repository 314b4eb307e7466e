package io.netbench.http.internal.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request encoded once: request line, Host (with the port when it is not the scheme's
 * default), the user's headers, Content-Length for a body, and the body; repeated
 * {@code pipeline} times back to back. Every send writes a retained duplicate of the same direct
 * buffer, so the hot path neither encodes nor copies.
 */
final class RequestTemplate implements RequestSource {
    private final ByteBuf bytes;
    private final int pipeline;

    private RequestTemplate(ByteBuf bytes, int pipeline) {
        this.bytes = bytes;
        this.pipeline = pipeline;
    }

    /** The request text that {@code pipeline} copies are made of. */
    private static String format(String method, URI uri, List<String> headers, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder text = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"));
        if (!host) {
            text.append("Host: ").append(hostHeader(uri)).append("\r\n");
        }
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        if (body != null && headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"))) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    /** {@code host} or {@code host:port}, IPv6 literals in brackets, port only when not the default. */
    static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    public static RequestTemplate of(String method, URI uri, List<String> headers, byte[] body, int pipeline) {
        byte[] head = format(method, uri, headers, body).getBytes(StandardCharsets.ISO_8859_1);
        int one = head.length + (body == null ? 0 : body.length);
        ByteBuf buf = Unpooled.directBuffer(one * pipeline);
        for (int i = 0; i < pipeline; i++) {
            buf.writeBytes(head);
            if (body != null) {
                buf.writeBytes(body);
            }
        }
        return new RequestTemplate(buf, pipeline);
    }

    /** Raw request text, e.g. from a script's wrk.format(), holding {@code pipeline} requests. */
    public static RequestTemplate of(byte[] raw, int pipeline) {
        return new RequestTemplate(Unpooled.directBuffer(raw.length).writeBytes(raw), pipeline);
    }

    @Override
    public int pipeline() {
        return pipeline;
    }

    /** The bytes to write for one send: a retained duplicate, released by the write. */
    @Override
    public ByteBuf next() {
        return bytes.retainedDuplicate();
    }

    /** Releases the encoded bytes (writes still in flight hold their own references). */
    @Override
    public void close() {
        bytes.release();
    }
}
