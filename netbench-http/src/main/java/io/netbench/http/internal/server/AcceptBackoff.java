package io.netbench.http.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * On a listener: when accepting fails (EMFILE/ENFILE at the file-descriptor limit, ENOBUFS), stop
 * accepting for {@link #PAUSE_MILLIS} and go on serving the connections already open, as nginx
 * does; one line says so, at most once a minute. Without it, a level-triggered listener would
 * spin on the failing accept and Netty would log a stack trace per attempt.
 */
public final class AcceptBackoff extends ChannelInboundHandlerAdapter {
    /** How long accepting pauses after it failed. */
    static final long PAUSE_MILLIS = 100;
    /** The least time between two lines about failing accepts. */
    static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final Consumer<String> notices;
    /** When the last line was said; 0 for never. Only the listener's event loop touches it. */
    private long said;

    /** @param notices receives one line when accepting starts failing */
    public AcceptBackoff(Consumer<String> notices) {
        this.notices = notices;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        long now = ctx.executor().ticker().nanoTime();
        if (said == 0 || now - said >= QUIET_NANOS) {
            said = now | 1;
            notices.accept("http: cannot accept connections (" + cause.getMessage() + "); pausing accepts, serving"
                    + " the open ones (raise the fd limit, ulimit -n, or lower --max-connections)");
        }
        if (ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
            ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }
}
