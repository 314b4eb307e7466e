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
    private final String name;
    private final String advice;
    private final Consumer<String> notices;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean atLimit = new AtomicBoolean();

    /**
     * @param max connections beyond this are refused
     * @param name what listens, for the notice, e.g. "http"
     * @param advice what to do about it, for the notice
     * @param notices receives one line when the limit is reached
     */
    ConnectionLimiter(int max, String name, String advice, Consumer<String> notices) {
        this.max = max;
        this.name = name;
        this.advice = advice;
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
                notices.accept(name + ": connection limit " + max + " reached; closing new connections (" + advice
                        + ")");
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
