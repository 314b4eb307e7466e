package io.netbench.http.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What an EmbeddedChannel wrote, as text, for the handler tests. */
final class Outbound {
    private Outbound() {
    }

    /** {@return everything written since the last call, releasing it} */
    static String text(EmbeddedChannel ch) {
        StringBuilder out = new StringBuilder();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out.toString();
    }

    /** {@return how many times {@code part} occurs in {@code text}} */
    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
