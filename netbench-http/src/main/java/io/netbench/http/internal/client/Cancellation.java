package io.netbench.http.internal.client;

import io.netbench.core.NetbenchException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run is stopped from another thread: each step of the run {@link #guard guards} itself
 * with what stops it (closing the probe socket, the warm-up's server, the load's event loops),
 * which {@link #cancel()} runs. A blocked socket call ignores interrupts; closing what it waits on
 * does not. A step that starts after the cancel does not start.
 */
final class Cancellation {
    private final List<Runnable> aborts = new ArrayList<>();
    private boolean cancelled;

    /** One step of a run. */
    @FunctionalInterface
    interface Step<T> {
        /**
         * Runs the step.
         *
         * @return what it makes
         * @throws NetbenchException if it fails
         * @throws InterruptedException if it was stopped
         */
        T run() throws NetbenchException, InterruptedException;
    }

    /**
     * Runs {@code step}; a cancel meanwhile runs {@code abort}.
     *
     * @return what the step made
     * @throws NetbenchException if the step fails
     * @throws InterruptedException if the run was cancelled before the step, or the step was stopped
     */
    <T> T guard(Runnable abort, Step<T> step) throws NetbenchException, InterruptedException {
        synchronized (this) {
            if (cancelled) {
                throw new InterruptedException("cancelled");
            }
            aborts.add(abort);
        }
        try {
            return step.run();
        } finally {
            synchronized (this) {
                aborts.remove(abort);
            }
        }
    }

    /** Stops the steps running now, and any to come. */
    void cancel() {
        List<Runnable> running;
        synchronized (this) {
            cancelled = true;
            running = new ArrayList<>(aborts);
            aborts.clear();
        }
        running.forEach(Runnable::run);
    }
}
