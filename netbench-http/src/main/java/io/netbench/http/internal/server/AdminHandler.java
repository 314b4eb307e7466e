package io.netbench.http.internal.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The admin port's requests: {@code GET /healthz} (or HEAD) answers {@code 200 ok} once the
 * server is ready, {@code 503 warming up} before; anything else {@code 404}. Not a hot path: the
 * plain Netty codec and an aggregator are enough.
 */
public final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final BooleanSupplier ready;

    /** @param ready whether the server is ready */
    public AdminHandler(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri().split("\\?", 2)[0];
        boolean health = path.equals("/healthz")
                && (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD));
        FullHttpResponse response = !health ? text(HttpResponseStatus.NOT_FOUND, "not found\n")
                : ready.getAsBoolean() ? text(HttpResponseStatus.OK, "ok\n")
                : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "warming up\n");
        if (request.method().equals(HttpMethod.HEAD)) {
            response.content().clear();
        }
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        ctx.writeAndFlush(response);
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                status, Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length());
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
