package io.netbench.tcp.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Ends a test at its deadline, as qperf's alarm signal does: from a daemon thread of its own it
 * calls {@link DataPath#stop()}, which wakes the measuring loop out of a blocked call. On the same
 * thread it reads a bandwidth loop's {@link DataPath#progress()} at every whole second before the
 * deadline, for interval reports: the loop itself does no more than count.
 */
final class StopTimer {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledExecutorService executor;
    /** The bytes moved by the end of each whole second before the deadline; -1 where no sample came. */
    private final AtomicLongArray seconds;

    /** Stops {@code data} at {@code deadlineNanos} ({@link System#nanoTime()}), from a thread named {@code name}. */
    StopTimer(String name, DataPath data, long beginNanos, long deadlineNanos, boolean sample) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        int whole = sample ? (int) Math.max(0, (deadlineNanos - beginNanos - 1) / SECOND) : 0;
        seconds = new AtomicLongArray(whole);
        for (int i = 0; i < whole; i++) {
            int second = i;
            seconds.set(i, -1);
            executor.schedule(() -> seconds.set(second, data.progress()),
                    beginNanos + (i + 1) * SECOND - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        executor.schedule(data::stop, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
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
        List<Long> out = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < seconds.length(); i++) {
            last = seconds.get(i) < 0 ? last : seconds.get(i);
            out.add(last);
        }
        out.add(total);
        return out;
    }
}
