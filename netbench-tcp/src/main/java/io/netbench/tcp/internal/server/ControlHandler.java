package io.netbench.tcp.internal.server;

import io.netbench.core.OutOfMemory;
import io.netbench.core.internal.CpuPinning;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.ConfCodec;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The server side of qperf's control connection: reads the request, sets up the data path
 * (classic second port, or netbench's one-port mode), exchanges the synchronisation texts, and
 * closes after the client acknowledges the results. Never blocks; every wait has a deadline: the
 * request and the client's first synchronisation the server's handshake timeout, the test its time
 * and the client's timeout. A {@code quit} is answered and closed.
 */
final class ControlHandler extends ByteToMessageDecoder {
    private enum State { REQUEST, SYNC_BEFORE, RUNNING, IDLE }

    private final ServerContext context;
    private State state = State.REQUEST;
    private Session session;

    ControlHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline(ctx, State.REQUEST, context.limits.handshakeTimeout().toMillis());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case REQUEST -> {
                if (in.readableBytes() >= 6 && !versionMatches(in)) {
                    refuse(ctx, "upgrade qperf on client from " + in.getUnsignedShortLE(in.readerIndex()) + "."
                            + in.getUnsignedShortLE(in.readerIndex() + 2) + "." + in.getUnsignedShortLE(in.readerIndex() + 4)
                            + " to " + Wire.VERSION);
                } else if (in.readableBytes() >= Wire.REQUEST_SIZE) {
                    handleRequest(ctx, QperfRequest.decode(in));
                }
            }
            case SYNC_BEFORE -> {
                if (in.readableBytes() >= Wire.SYNC_BEFORE.length && expect(ctx, in, Wire.SYNC_BEFORE)) {
                    state = session == null ? State.IDLE : State.RUNNING;
                    if (session != null) {
                        session.clientSynced();
                    } else {
                        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(Wire.SYNC_BEFORE))
                                .addListener(ChannelFutureListener.CLOSE);
                        context.notices.accept("qperf: quit request from " + ctx.channel().remoteAddress()
                                + " ignored (the server keeps serving)");
                    }
                }
            }
            case RUNNING -> {
                if (in.readableBytes() >= Wire.SYNC_AFTER.length && expect(ctx, in, Wire.SYNC_AFTER)) {
                    state = State.IDLE;
                    session.close();
                }
            }
            case IDLE -> in.skipBytes(in.readableBytes());
        }
    }

    private static boolean versionMatches(ByteBuf in) {
        return in.getUnsignedShortLE(in.readerIndex()) == Wire.VER_MAJ
                && in.getUnsignedShortLE(in.readerIndex() + 2) == Wire.VER_MIN;
    }

    private boolean expect(ChannelHandlerContext ctx, ByteBuf in, byte[] text) {
        if (ByteBufUtil.equals(in.readSlice(text.length), Unpooled.wrappedBuffer(text))) {
            return true;
        }
        refuse(ctx, "synchronize " + new String(text, StandardCharsets.US_ASCII) + " failure: data does not match");
        return false;
    }

    private void handleRequest(ChannelHandlerContext ctx, QperfRequest request) {
        QperfTest test = QperfTest.byIndex(request.reqIndex());
        if (test == null) {
            refuse(ctx, "bad request index: " + request.reqIndex() + " (netbench serves tcp_bw, tcp_lat, udp_bw,"
                    + " udp_lat, conf and quit)");
            return;
        }
        switch (test) {
            case CONF -> {
                ByteBuf conf = ctx.alloc().buffer(Wire.CONF_SIZE);
                ConfCodec.encode(context.conf, conf);
                state = State.IDLE;
                ctx.writeAndFlush(conf).addListener(ChannelFutureListener.CLOSE);
            }
            case QUIT -> {
                state = State.SYNC_BEFORE;
                deadline(ctx, State.SYNC_BEFORE, context.limits.handshakeTimeout().toMillis());
            }
            default -> startSocketTest(ctx, request, test);
        }
    }

    private void startSocketTest(ChannelHandlerContext ctx, QperfRequest request, QperfTest test) {
        String refusal = context.limits.check(request, test);
        if (refusal == null && request.affinity() > 0) {
            refusal = affinityProblem(request.affinity());
        }
        Session admitted = new Session(request, test, ctx.channel(), context);
        if (refusal == null) {
            refusal = context.admit(admitted.bufferBytes());
        }
        if (refusal != null) {
            refuse(ctx, refusal);
            return;
        }
        session = admitted;
        if (context.metrics != null) {
            context.metrics.session(test);
        }
        state = State.SYNC_BEFORE;
        deadline(ctx, State.SYNC_BEFORE, context.limits.handshakeTimeout().toMillis());
        deadline(ctx, State.RUNNING, (request.time() + Math.max(5, Math.min(request.timeout(), 60)) * 3) * 1000);
        if (session.token != null) {
            if (context.byToken.putIfAbsent(session.token, session) != null) {
                refuse(ctx, "session token already in use");
                return;
            }
            writePort(ctx, Wire.SAME_PORT);
        } else if (test.isUdp()) {
            bindClassicUdp(ctx);
        } else {
            bindClassicTcp(ctx);
        }
    }

    /** Why the CPU of qperf's 1-based {@code affinity} cannot be used here, or {@code null}. */
    private static String affinityProblem(long affinity) {
        try {
            CpuPinning.checkAllowed((int) Math.min(affinity - 1, Integer.MAX_VALUE));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void bindClassicTcp(ChannelHandlerContext ctx) {
        ServerBootstrap b = new ServerBootstrap().group(ctx.channel().eventLoop())
                .channel(context.transport.serverChannelType())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        TcpDataHandler.configure(ch, session);
                    }
                });
        bindThenSendPort(ctx, b.bind(context.bindAddress, 0), true);
    }

    /** qperf's second port for a UDP test: served by a {@link UdpDataThread} on epoll, else by a {@link UdpDataHandler}. */
    private void bindClassicUdp(ChannelHandlerContext ctx) {
        boolean ownThread = context.dataThreads();
        Bootstrap b = UdpDataHandler.bootstrap(ctx.channel().eventLoop(), session)
                .handler(ownThread ? new ChannelInboundHandlerAdapter() : new UdpDataHandler(session));
        ChannelFuture bound = b.bind(context.bindAddress, 0);
        bindThenSendPort(ctx, bound, false);
        bound.addListener(f -> {
            if (!f.isSuccess()) {
                return;
            }
            if (ownThread) {
                UdpDataThread.start(bound.channel(), session, false);
            } else {
                session.dataReady(bound.channel());
            }
        });
    }

    private void bindThenSendPort(ChannelHandlerContext ctx, ChannelFuture bound, boolean listener) {
        bound.addListener(f -> {
            if (!f.isSuccess()) {
                refuse(ctx, "unable to make data socket: " + f.cause().getMessage());
                return;
            }
            if (listener) {
                session.listener(bound.channel());
            }
            writePort(ctx, ((InetSocketAddress) bound.channel().localAddress()).getPort());
        });
    }

    private static void writePort(ChannelHandlerContext ctx, long port) {
        ctx.writeAndFlush(ctx.alloc().buffer(4).writeIntLE((int) port));
    }

    /** Tells the client why, as qperf does (see {@link Wire#URGENT_ERROR}), and closes. */
    private void refuse(ChannelHandlerContext ctx, String why) {
        context.notices.accept("qperf: refused " + ctx.channel().remoteAddress() + ": " + why);
        if (context.metrics != null) {
            context.metrics.refused(why);
        }
        state = State.IDLE;
        UrgentData.sendError(ctx.channel(), why).addListener(sent -> {
            if (!sent.isSuccess()) {
                context.notices.accept("qperf: could not tell " + ctx.channel().remoteAddress() + " why: "
                        + sent.cause().getMessage());
            }
            if (session != null) {
                session.close();
            } else {
                ctx.close();
            }
        });
    }

    private void deadline(ChannelHandlerContext ctx, State waitingFor, long millis) {
        ctx.executor().schedule(() -> {
            if (state == waitingFor && ctx.channel().isActive()) {
                refuse(ctx, "timed out waiting for the client (" + waitingFor.name().toLowerCase(Locale.ROOT) + ")");
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.close();
        }
        super.channelInactive(ctx);
    }

    /** A failure closes the connection, and its session with it; a fatal one goes on to the process (see {@link OutOfMemory}). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        context.notices.accept("qperf: client " + ctx.channel().remoteAddress() + ": " + cause.getMessage());
        ctx.close();
        if (OutOfMemory.isFatal(cause)) {
            ctx.fireExceptionCaught(cause);
        }
    }
}
