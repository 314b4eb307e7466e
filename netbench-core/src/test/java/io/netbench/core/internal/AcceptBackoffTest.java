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

/** A listener that cannot accept pauses, tells once, and resumes. */
class AcceptBackoffTest {
    @Test
    void acceptFailuresPauseAcceptingAndAreToldOncePerEpisode() {
        List<String> notices = new ArrayList<>();
        EmbeddedChannel listener = new EmbeddedChannel(new AcceptBackoff("qperf", notices::add));
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
}
