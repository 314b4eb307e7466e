package io.netbench.tcp.internal.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a test at its deadline, as qperf's alarm signal does: from a daemon thread of its own it
 * calls {@link DataPath#stop()}, which wakes the measuring loop out of a blocked call.
 */
final class StopTimer {
    private final ScheduledExecutorService executor;

    /** Stops {@code data} at {@code deadlineNanos} ({@link System#nanoTime()}), from a thread named {@code name}. */
    StopTimer(String name, DataPath data, long deadlineNanos) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.schedule(data::stop, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Cancels the stop if it has not come yet, and ends the thread. */
    void cancel() {
        executor.shutdownNow();
    }
}
