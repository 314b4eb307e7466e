package io.netbench.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs a blocking task that throws checked exceptions as a {@link CompletableFuture}. Not public API. */
public final class Async {
    private Async() {
    }

    /** A blocking task. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws Exception;
    }

    /** Starts {@code task} on the common pool; a checked failure completes the future exceptionally. */
    public static <T> CompletableFuture<T> start(Task<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }
}
