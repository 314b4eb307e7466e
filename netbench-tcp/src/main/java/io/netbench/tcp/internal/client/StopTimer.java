package io.netbench.tcp.internal.client;

import io.netbench.core.TcpInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Ends a test at its deadline, as qperf's alarm signal does: from a daemon thread of its own it
 * calls {@link DataPath#stop()}, which wakes the measuring loop out of a blocked call. On the same
 * thread it reads a bandwidth loop's {@link DataPath#progress()} at every whole second before the
 * deadline, for interval reports, and the data connection's retransmissions then (its
 * {@code TCP_INFO}, read by a {@code getsockopt} of this thread's): the loop itself does no more than count.
 */
final class StopTimer {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String RETRANS = "total_retrans";

    private final ScheduledExecutorService executor;
    /** The bytes moved by the end of each whole second before the deadline; -1 where no sample came. */
    private final AtomicLongArray seconds;
    /** The connection's total retransmissions at the end of each whole second; -1 where no sample came. */
    private final AtomicLongArray retrans;

    /** Stops {@code data} at {@code deadlineNanos} ({@link System#nanoTime()}), from a thread named {@code name}. */
    StopTimer(String name, DataPath data, long beginNanos, long deadlineNanos, boolean sample) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        int whole = sample ? (int) Math.max(0, (deadlineNanos - beginNanos - 1) / SECOND) : 0;
        seconds = new AtomicLongArray(whole);
        retrans = new AtomicLongArray(whole);
        for (int i = 0; i < whole; i++) {
            int second = i;
            seconds.set(i, -1);
            retrans.set(i, -1);
            executor.schedule(() -> sample(data, second), beginNanos + (i + 1) * SECOND - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        executor.schedule(data::stop, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** The end of {@code second}: the bytes moved so far, and the connection's retransmissions if it tells. */
    private void sample(DataPath data, int second) {
        seconds.set(second, data.progress());
        TcpInfo info = data.tcpInfo();
        if (info != null) {
            info.field(RETRANS).ifPresent(n -> retrans.set(second, n));
        }
    }

    /** Cancels the stop if it has not come yet, and ends the thread. */
    void cancel() {
        executor.shutdownNow();
    }

    /**
     * The bytes moved by the end of each second, the last entry {@code total} at the deadline; a
     * second whose sample did not come (a stalled timer thread) takes the one before it.
     */
    List<Long> seconds(long total) {
        return carriedForward(0, seconds, total);
    }

    /**
     * The connection's total retransmissions at the start, at the end of each second and at the end,
     * aligned with {@link #seconds} one place later (a second whose sample did not come takes the one
     * before it); empty where the connection's {@code TCP_INFO} could not be read.
     *
     * @param start the connection's TCP_INFO when the test started, or {@code null}
     * @param end its TCP_INFO when the test ended, or {@code null}
     */
    List<Long> retrans(TcpInfo start, TcpInfo end) {
        OptionalLong first = start == null ? OptionalLong.empty() : start.field(RETRANS);
        OptionalLong last = end == null ? OptionalLong.empty() : end.field(RETRANS);
        if (first.isEmpty() || last.isEmpty()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>(List.of(first.getAsLong()));
        out.addAll(carriedForward(first.getAsLong(), retrans, last.getAsLong()));
        return out;
    }

    /**
     * The per-second samples, each missing one (-1) replaced by the one before it ({@code before} for the
     * first second), then {@code last}.
     */
    private static List<Long> carriedForward(long before, AtomicLongArray samples, long last) {
        List<Long> out = new ArrayList<>();
        long previous = before;
        for (int i = 0; i < samples.length(); i++) {
            previous = samples.get(i) < 0 ? previous : samples.get(i);
            out.add(previous);
        }
        out.add(last);
        return out;
    }
}
