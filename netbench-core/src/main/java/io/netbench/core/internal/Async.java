package io.netbench.core.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a blocking task that throws checked exceptions as a {@link CompletableFuture}, on a daemon
 * thread of its own. Not the common pool: its few threads would run blocking tasks (parallel
 * streams of one test, a warm-up peer) one after another instead of at once.
 *
 * <p>Cancelling the future ({@code cancel(true)} or {@code cancel(false)}) stops the task: it runs
 * the task's abort action, which closes what the task may be blocked on (a socket in a native
 * {@code recv()} does not notice an interrupt), and interrupts the thread. The future is then
 * complete with a {@link java.util.concurrent.CancellationException}. Not public API.
 */
public final class Async {
    private Async() {
    }

    /** A blocking task. */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * Runs the task.
         *
         * @return its result
         * @throws Exception any failure, which completes the future exceptionally
         */
        T run() throws Exception;
    }

    /** Starts {@code task} on a new daemon thread named {@code name}; cancelling only interrupts it. */
    public static <T> CompletableFuture<T> start(String name, Task<T> task) {
        return start(name, task, () -> { });
    }

    /**
     * Starts {@code task} on a new daemon thread named {@code name}; a failure completes the future
     * exceptionally, and cancelling it runs {@code abort} and interrupts the thread.
     */
    public static <T> CompletableFuture<T> start(String name, Task<T> task, Runnable abort) {
        Thread[] worker = new Thread[1];
        CompletableFuture<T> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled) {
                    abort.run();
                    worker[0].interrupt();
                }
                return cancelled;
            }
        };
        worker[0] = new Thread(() -> {
            try {
                result.complete(task.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        worker[0].setDaemon(true);
        worker[0].start();
        return result;
    }
}
