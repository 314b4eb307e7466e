package io.netbench.core.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a blocking task that throws checked exceptions as a {@link CompletableFuture}, on a daemon
 * thread of its own. Not the common pool: its few threads would run blocking tasks (parallel
 * streams of one test, a warm-up peer) one after another instead of at once. Not public API.
 */
public final class Async {
    private Async() {
    }

    /** A blocking task. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws Exception;
    }

    /** Starts {@code task} on a new daemon thread named {@code name}; a failure completes the future exceptionally. */
    public static <T> CompletableFuture<T> start(String name, Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
