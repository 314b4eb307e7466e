package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;

/**
 * How many connections a listener accepts per event-loop turn, asked of the allocator handle as
 * Netty's epoll listener asks it: after each accept, with its "maybe more data" verdict, which for
 * an accept is false (the accepted fd is not the one byte it "attempted").
 */
class AcceptInBatchesTest {
    @Test
    void aListenerAcceptsUpTo256PerTurnWhateverEpollGuesses() {
        assertEquals(ServerSkeleton.ACCEPTS_PER_TURN, acceptsPerTurn(ServerSkeleton.acceptInBatches()));
    }

    @Test
    void nettysDefaultAcceptsOnePerTurnOnEpoll() {
        assertEquals(1, acceptsPerTurn(new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(256)));
    }

    private static int acceptsPerTurn(RecvByteBufAllocator allocator) {
        RecvByteBufAllocator.ExtendedHandle handle = (RecvByteBufAllocator.ExtendedHandle) allocator.newHandle();
        handle.reset(new EmbeddedChannel().config());
        int accepted = 0;
        do {
            handle.attemptedBytesRead(1);
            handle.lastBytesRead(57); // the accepted connection's fd
            handle.incMessagesRead(1);
            accepted++;
        } while (handle.continueReading(() -> false) && accepted < 10_000);
        return accepted;
    }
}
