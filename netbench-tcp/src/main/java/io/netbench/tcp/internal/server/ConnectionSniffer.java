package io.netbench.tcp.internal.server;

import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * First handler of every connection to the listen port: a qperf request starts with its major
 * version (0, two zero bytes) and becomes a control connection; {@link Wire#DATA_MAGIC} and a
 * token make it the data connection of a one-port session; anything else is closed.
 */
final class ConnectionSniffer extends ByteToMessageDecoder {
    private static final int PREAMBLE = Wire.DATA_MAGIC.length + Wire.TOKEN_LENGTH;

    private final ServerContext context;

    ConnectionSniffer(ServerContext context) {
        this.context = context;
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
