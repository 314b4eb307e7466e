package io.netbench.tcp.internal.server;

import io.netbench.tcp.QperfResult;

/**
 * What a session's data path has sent and received, which becomes qperf's STAT. The path's thread
 * (an event loop, or a {@link DataThread}) counts; the session's timer takes the {@link #snapshot}.
 * Both hold the same lock, so that a snapshot never shows an echo counted as received but not yet
 * as sent, or a datagram's bytes without the datagram: with a data thread, the timer runs on
 * another thread. Uncontended, the lock costs far less than the system call that goes with each
 * update.
 */
final class SessionCounters {
    private long sentBytes;
    private long sentMsgs;
    private long receivedBytes;
    private long receivedMsgs;

    synchronized void received(long bytes, long msgs) {
        receivedBytes += bytes;
        receivedMsgs += msgs;
    }

    synchronized void sent(long bytes, long msgs) {
        sentBytes += bytes;
        sentMsgs += msgs;
    }

    /** One message of a latency test, in ({@code inBytes} of it counted now) and back out ({@code outBytes}). */
    synchronized void echoed(long inBytes, long outBytes) {
        receivedBytes += inBytes;
        receivedMsgs++;
        sentBytes += outBytes;
        sentMsgs++;
    }

    synchronized QperfResult.Counters snapshot() {
        return new QperfResult.Counters(sentBytes, sentMsgs, receivedBytes, receivedMsgs);
    }
}
