package io.netbench.core.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The handler of a server's listening channel: when accepting fails, typically with
 * {@code EMFILE} once the process has used up its file descriptors, it stops accepting for
 * {@link #PAUSE_MILLIS} and tries again, while the connections already accepted are served as
 * before, as nginx does; new clients wait in the listen backlog meanwhile. Without it, a
 * level-triggered listener would spin on the failing accept and Netty would log a stack trace
 * per attempt. It says so in one line with the reason when accepting starts failing (again at
 * most once a minute while it goes on failing), and once when accepting works again; never a
 * stack trace. One per listening channel.
 */
public final class AcceptBackoff extends ChannelInboundHandlerAdapter {
    /** How long accepting pauses after a failure. */
    public static final long PAUSE_MILLIS = 100;
    /** The least time between two lines about failing accepts. */
    public static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String name;
    private final String advice;
    private final Consumer<String> notices;
    /** Listening channel's event loop only: when a failure was last told (0: not failing since). */
    private long told;

    /**
     * @param name what listens, for the notices, e.g. "qperf"
     * @param advice what to do about it, for the notice, e.g. "raise the fd limit, ulimit -n"
     * @param notices where the one-line notices go
     */
    public AcceptBackoff(String name, String advice, Consumer<String> notices) {
        this.name = name;
        this.advice = advice;
        this.notices = notices;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (told != 0) {
            told = 0;
            notices.accept(name + ": accepting connections again");
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        long now = ctx.executor().ticker().nanoTime();
        if (told == 0 || now - told >= QUIET_NANOS) {
            told = now | 1;
            notices.accept(name + ": cannot accept connections (" + cause.getMessage() + "); pausing accepts, serving"
                    + " the open ones (" + advice + ")");
        }
        if (ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
            ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
