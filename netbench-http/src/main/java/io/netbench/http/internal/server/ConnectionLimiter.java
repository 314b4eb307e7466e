package io.netbench.http.internal.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The server's connections open now, against its limit: {@link HttpBenchHandler} closes one
 * beyond the limit at once, and this says so in one line when the limit is first reached (and
 * again after it has been left), instead of letting a flood exhaust descriptors.
 */
final class ConnectionLimiter {
    private final int max;
    private final Consumer<String> notices;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean atLimit = new AtomicBoolean();

    ConnectionLimiter(int max, Consumer<String> notices) {
        this.max = max;
        this.notices = notices;
    }

    /**
     * Counts a connection that opened; each one counted is {@link #release released} when it closes.
     *
     * @return whether it is within the limit (if not, it is to be closed at once)
     */
    boolean admit() {
        if (open.incrementAndGet() > max) {
            if (atLimit.compareAndSet(false, true)) {
                notices.accept("http: connection limit " + max + " reached; closing new connections"
                        + " (raise --max-connections)");
            }
            return false;
        }
        return true;
    }

    /** A connection counted by {@link #admit()} closed. */
    void release() {
        if (open.decrementAndGet() < max) {
            atLimit.set(false);
        }
    }

    int open() {
        return open.get();
    }
}
