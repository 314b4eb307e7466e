package io.netbench.http.internal.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Closes connections beyond the limit at once, saying so in one line when the limit is first
 * reached (and again after it has been left), instead of letting a flood exhaust descriptors.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int max;
    private final Consumer<String> notices;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean atLimit = new AtomicBoolean();

    ConnectionLimiter(int max, Consumer<String> notices) {
        this.max = max;
        this.notices = notices;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > max) {
            if (atLimit.compareAndSet(false, true)) {
                notices.accept("http: connection limit " + max + " reached; closing new connections"
                        + " (raise --max-connections)");
            }
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (open.decrementAndGet() < max) {
            atLimit.set(false);
        }
        ctx.fireChannelInactive();
    }

    int open() {
        return open.get();
    }
}
