package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the HTTP listener's bootstrap gives each accepted connection, once per transport. */
class HttpBootstrapTest {
    /** Nagle off, without a child option of its own (each option set is a setsockopt per connection). */
    @ParameterizedTest
    @EnumSource(TransportType.class)
    void acceptedConnectionsHaveNagleOff(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        EventLoopGroup group = transport.newEventLoopGroup(1, "bootstrap-test");
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        try {
            Channel listener = HttpBootstrap.create(group, transport, new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    noDelay.complete(ch.config().getOption(ChannelOption.TCP_NODELAY));
                }
            }, notice -> { }).bind("127.0.0.1", 0).sync().channel();
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", ((InetSocketAddress) listener.localAddress()).getPort()));
                assertTrue(noDelay.get(5, TimeUnit.SECONDS));
            } finally {
                listener.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }
}
