package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A listener that cannot accept pauses, tells once (and once a minute while it fails), and resumes. */
class AcceptBackoffTest {
    @Test
    void acceptFailuresPauseAcceptingAndAreToldOncePerEpisode() {
        List<String> notices = new ArrayList<>();
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptBackoff("qperf", "raise the fd limit, ulimit -n", notices::add));
        listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        assertFalse(listener.config().isAutoRead(), "accepting pauses");
        listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("qperf: cannot accept connections (accept(..) failed: Too many open files)"));
        listener.advanceTimeBy(AcceptBackoff.PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();
        assertTrue(listener.config().isAutoRead(), "and resumes");
        listener.writeInbound("a connection");
        assertEquals("qperf: accepting connections again", notices.get(1));
        assertEquals("a connection", listener.readInbound(), "accepted connections go on to the acceptor");
        listener.checkException(); // nothing reached the end of the pipeline: no stack trace
    }

    @Test
    void aListenerThatGoesOnFailingSaysSoOnceAMinute() {
        List<String> notices = new ArrayList<>();
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptBackoff("http", "lower --max-connections", notices::add));
        listener.freezeTime();
        for (int i = 0; i < 3; i++) {
            listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        }
        listener.advanceTimeBy(AcceptBackoff.PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();
        assertTrue(listener.config().isAutoRead(), "accepting resumes after the pause");
        assertEquals(List.of("http: cannot accept connections (accept(..) failed: Too many open files); pausing"
                + " accepts, serving the open ones (lower --max-connections)"), notices);
        listener.advanceTimeBy(AcceptBackoff.QUIET_NANOS, TimeUnit.NANOSECONDS);
        listener.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
        assertEquals(2, notices.size(), notices.toString());
        listener.finishAndReleaseAll();
    }
}
