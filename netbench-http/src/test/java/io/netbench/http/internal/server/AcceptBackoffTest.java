package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Accepting at the fd limit: pause, say so once, resume; and a default connection limit below the fd limit. */
class AcceptBackoffTest {
    @Test
    void acceptFailuresPauseAcceptingThenResumeSayingSoOnceAMinute() {
        List<String> notices = new ArrayList<>();
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptBackoff(notices::add));
        listener.freezeTime();
        for (int i = 0; i < 3; i++) {
            listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        }
        assertFalse(listener.config().isAutoRead(), "still accepting at the fd limit");
        listener.advanceTimeBy(AcceptBackoff.PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();
        assertTrue(listener.config().isAutoRead(), "accepting never resumed");
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("http: cannot accept connections (accept(..) failed: Too many open files);"),
                notices.get(0));
        listener.advanceTimeBy(AcceptBackoff.QUIET_NANOS, TimeUnit.NANOSECONDS);
        listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        assertEquals(2, notices.size(), notices.toString());
        listener.finishAndReleaseAll();
    }

    @Test
    void theDefaultConnectionLimitLeavesRoomBelowTheFdLimit() {
        assertEquals(18_000, FileDescriptors.maxConnections(OptionalLong.of(20_000)));
        assertEquals(768, FileDescriptors.maxConnections(OptionalLong.of(1024)));
        assertEquals(1, FileDescriptors.maxConnections(OptionalLong.of(100)));
        assertEquals(100_000, FileDescriptors.maxConnections(OptionalLong.of(1 << 20)));
        assertEquals(100_000, FileDescriptors.maxConnections(OptionalLong.empty()));
    }
}
