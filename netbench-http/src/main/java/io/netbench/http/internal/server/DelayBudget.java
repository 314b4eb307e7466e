package io.netbench.http.internal.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code /delay} timers a server may have pending over all its connections: each is a
 * scheduled task holding its response, so a flood of pipelined {@code /delay/60000} would otherwise
 * hold memory for a minute per request. Beyond the budget a {@code /delay} request gets 503 at once.
 */
final class DelayBudget {
    private final int max;
    private final AtomicInteger pending = new AtomicInteger();

    /** @param max timers pending at once, over all connections */
    DelayBudget(int max) {
        this.max = max;
    }

    /** {@return whether a timer may start; if so, {@link #release()} it once it fired or was cancelled} */
    boolean tryAcquire() {
        if (pending.incrementAndGet() > max) {
            pending.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        pending.decrementAndGet();
    }

    /** {@return timers pending now} */
    int pending() {
        return pending.get();
    }
}
