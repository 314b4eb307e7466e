package io.netbench.tcp.internal.server;

import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * First handler of every connection to the listen port: a qperf request starts with its major
 * version (0, two zero bytes) and becomes a control connection; {@link Wire#DATA_MAGIC} and a
 * token make it the data connection of a one-port session; anything else is closed, and so is a
 * connection that has not said which it is within the server's handshake timeout (nothing, one
 * byte, part of a preamble).
 */
final class ConnectionSniffer extends ByteToMessageDecoder {
    private static final int PREAMBLE = Wire.DATA_MAGIC.length + Wire.TOKEN_LENGTH;

    private final ServerContext context;
    private ScheduledFuture<?> deadline;

    ConnectionSniffer(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long millis = context.limits.handshakeTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> {
            context.notices.accept("qperf: closed " + ctx.channel().remoteAddress() + ": no request or preamble within "
                    + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms") + " (handshake timeout)");
            ctx.close();
        }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 2) {
            return;
        }
        if (in.getShortLE(in.readerIndex()) == Wire.VER_MAJ) {
            ctx.pipeline().replace(this, "qperf-control", new ControlHandler(context));
            return;
        }
        int magic = Math.min(in.readableBytes(), Wire.DATA_MAGIC.length);
        if (!ByteBufUtil.equals(in, in.readerIndex(), Unpooled.wrappedBuffer(Wire.DATA_MAGIC), 0, magic)) {
            context.notices.accept("qperf: closed " + ctx.channel().remoteAddress() + ": not a qperf client");
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (in.readableBytes() < PREAMBLE) {
            return;
        }
        String token = in.skipBytes(Wire.DATA_MAGIC.length).readCharSequence(Wire.TOKEN_LENGTH,
                StandardCharsets.US_ASCII).toString();
        Session session = context.byToken.get(token);
        if (session == null || session.test.isUdp()) {
            ctx.close();
            return;
        }
        TcpDataHandler.configure(ctx.channel(), session);
        ctx.pipeline().remove(this);
    }
}
