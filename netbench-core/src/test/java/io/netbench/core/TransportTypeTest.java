package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TransportTypeTest {
    @ParameterizedTest
    @CsvSource({"nio,NIO", "NIO,NIO", "epoll,EPOLL", "io_uring,IO_URING", "iouring,IO_URING", "io-uring,IO_URING"})
    void parsesNames(String name, TransportType expected) {
        assertEquals(expected, TransportType.parse(name));
    }

    @Test
    void autoIsNullAndUnknownNamesTheChoices() {
        assertNull(TransportType.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransportType.parse("kqueue"));
        assertTrue(e.getMessage().contains("auto, nio, epoll or io_uring"), e.getMessage());
    }

    @Test
    void nioIsAlwaysAvailableAndStarts() throws InterruptedException {
        assertTrue(TransportType.NIO.isAvailable());
        assertNull(TransportType.NIO.unavailabilityCause());
        EventLoopGroup group = TransportType.NIO.newEventLoopGroup(1, "test");
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).await();
    }

    @Test
    void autoPicksEpollOnLinuxWithoutNotice() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "not Linux");
        assumeTrue(!Boolean.getBoolean("io.netty.transport.noNative"), "natives disabled in this run");
        List<String> notices = new ArrayList<>();
        assertEquals(TransportType.EPOLL, TransportType.select("auto", notices::add));
        assertTrue(notices.isEmpty(), notices.toString());
        assertEquals(TransportType.EPOLL.socketChannelType().getSimpleName(), "EpollSocketChannel");
    }

    /**
     * The HTTP server and client set no {@code TCP_NODELAY} option and rely on this: a second
     * setsockopt per connection cost about 3 % of a one-request connection's CPU.
     */
    @ParameterizedTest
    @EnumSource(TransportType.class)
    void everySocketChannelStartsWithNagleOff(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        SocketChannel channel = transport.socketChannelType().getConstructor().newInstance();
        try {
            assertTrue(channel.config().getOption(ChannelOption.TCP_NODELAY));
        } finally {
            channel.unsafe().closeForcibly();
        }
    }

    /** Run by the {@code no-native} surefire execution, with -Dio.netty.transport.noNative=true. */
    @Test
    @Tag("no-native")
    void fallsBackToNioWithOneNoticeWhenEpollIsUnavailable() {
        assumeTrue(Boolean.getBoolean("io.netty.transport.noNative"), "only with natives disabled");
        List<String> notices = new ArrayList<>();
        assertEquals(TransportType.NIO, TransportType.select("auto", notices::add));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("using nio"), notices.get(0));
        assertTrue(TransportType.EPOLL.availabilityText().startsWith("unavailable: "));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TransportType.select("epoll", s -> { }));
        assertTrue(e.getMessage().startsWith("transport epoll is not available"), e.getMessage());
        assertFalse(e.getMessage().contains("workdir"), "natives off on purpose need no advice: " + e.getMessage());
    }
}
