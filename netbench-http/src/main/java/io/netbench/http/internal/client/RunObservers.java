package io.netbench.http.internal.client;

import io.netbench.http.HttpLoadResult;
import io.netbench.http.ProgressListener;
import java.util.function.Consumer;

/**
 * Who hears of a run as it goes: when the load starts, each second, and its result.
 *
 * @param onStart called once the target answered and a script's setup and init ran, just before the load
 * @param progress called once a second of the measured duration
 * @param onResult receives the result, before a script's {@code done()}
 */
public record RunObservers(Runnable onStart, ProgressListener progress, Consumer<HttpLoadResult> onResult) {
    /** Nobody: for the runs nobody watches, such as the JIT warm-up's. */
    public static final RunObservers NONE = new RunObservers(() -> { }, (elapsed, requests, errors, interval) -> { },
            result -> { });
}
