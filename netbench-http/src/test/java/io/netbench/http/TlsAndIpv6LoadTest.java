package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TlsAndIpv6LoadTest {
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);

    @Test
    void httpsWithInsecureAcceptsASelfSignedServerAndRefusesWithout() throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        SslContext ssl = SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).build();
        EventLoopGroup group = TransportType.NIO.newEventLoopGroup(1, "tls-test");
        try {
            Channel server = new ServerBootstrap().group(group).channel(TransportType.NIO.serverChannelType())
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new HttpRequestDecoder(),
                                    new SimpleChannelInboundHandler<HttpObject>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                            if (msg instanceof LastHttpContent) {
                                                ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE));
                                            }
                                        }

                                        @Override
                                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                            ctx.close(); // the refused handshake of the second run
                                        }
                                    });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            URI uri = URI.create("https://localhost:" + ((InetSocketAddress) server.localAddress()).getPort() + "/");
            // The first handshakes initialise the JDK's TLS (seconds on a loaded machine): before the count.
            HttpLoadResult ok = HttpLoad.to(uri).threads(1).connections(2).insecure(true)
                    .warmup(Duration.ofSeconds(3)).duration(Duration.ofMillis(800)).run();
            assertTrue(ok.requests() > 10, ok.toString());
            assertEquals(0, ok.errors().socketErrors(), ok.errors().toString());
            HttpLoadResult refused = HttpLoad.to(uri).threads(1).connections(2).duration(Duration.ofMillis(500)).run();
            assertEquals(0, refused.requests(), "an untrusted certificate must not be accepted");
            assertTrue(refused.errors().socketErrors() > 0, refused.errors().toString());
            server.close();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
            cert.delete();
        }
    }

    @Test
    void ipv6LiteralHostsWork() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).bindAddress("::1").threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(URI.create("http://[::1]:" + server.port() + "/")).threads(1).connections(2)
                    .duration(Duration.ofMillis(500)).run();
            assertTrue(r.requests() > 10, r.toString());
            assertEquals(0, r.errors().socketErrors() + r.errors().status(), r.errors().toString());
        }
    }
}
