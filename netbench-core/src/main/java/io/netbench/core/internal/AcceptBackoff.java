package io.netbench.core.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The handler of a server's listening channel: when accepting fails, typically with
 * {@code EMFILE} once the process has used up its file descriptors, it stops accepting for
 * {@link #PAUSE_MILLIS} and tries again, while the connections already accepted are served as
 * before; new clients wait in the listen backlog meanwhile. It tells once per episode, one line
 * with the reason, and once when accepting works again, never with a stack trace. One per
 * listening channel.
 */
public final class AcceptBackoff extends ChannelInboundHandlerAdapter {
    /** How long accepting pauses after a failure. */
    public static final long PAUSE_MILLIS = 200;

    private final String name;
    private final Consumer<String> notices;
    /** Listening channel's event loop only: whether a failure was told and success has not been since. */
    private boolean failing;

    /**
     * @param name what listens, for the notices, e.g. "qperf"
     * @param notices where the one-line notices go
     */
    public AcceptBackoff(String name, Consumer<String> notices) {
        this.name = name;
        this.notices = notices;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failing) {
            failing = false;
            notices.accept(name + ": accepting connections again");
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!failing) {
            failing = true;
            notices.accept(name + ": cannot accept connections (" + cause.getMessage() + "); pausing accept, retrying every "
                    + PAUSE_MILLIS + " ms and serving the connections already open");
        }
        if (ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
            ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
