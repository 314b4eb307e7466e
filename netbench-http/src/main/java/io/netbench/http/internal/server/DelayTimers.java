package io.netbench.http.internal.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code /delay} timers of a server, over all its connections: a budget and a promise.
 *
 * <p>The budget: each timer is a scheduled task holding its response, so a flood of pipelined
 * {@code /delay/60000} would otherwise hold memory for a minute per request. Beyond {@code max}
 * pending timers, {@link #schedule} refuses and the request gets 503 at once.
 *
 * <p>The promise: a response to {@code /delay/N} leaves N after its request was read, within
 * microseconds, never before. An event loop's timer runs late: the kernel's timer slack (50 us),
 * waking an idle CPU (tens to hundreds of microseconds on a VM), and with NIO a select timeout
 * in whole milliseconds; {@code /delay/5} took 5.34 ms and {@code /delay/50} 50.7 ms by wrk's
 * clock. So a timer fires early by its lead and the task spins the rest of the way on the loop.
 * The lead tracks the 80th percentile of how late the loops' timers have run lately (up an eighth
 * for a late timer, down a 32nd for one on time; 20 us to 2 ms): four responses in five
 * leave on time, for a few tens of microseconds of spinning each on an idle host, and a stall
 * (a GC, a busy loop) moves the lead by a step, not by the stall.
 */
final class DelayTimers {
    private static final long MIN_LEAD = 20_000;
    private static final long MAX_LEAD = 2_000_000;
    private final int max;
    private final AtomicInteger pending = new AtomicInteger();
    /** How early a timer fires (ns); loops update it racily, losing a step at most. */
    private volatile long lead = 100_000;

    /** @param max timers pending at once, over all connections */
    DelayTimers(int max) {
        this.max = max;
    }

    /**
     * Runs {@code task} on {@code loop} {@code millis} from now, to the microsecond.
     *
     * @return the timer, to {@link #cancel}; null, scheduling nothing, when the budget is spent
     */
    ScheduledFuture<?> schedule(EventExecutor loop, long millis, Runnable task) {
        if (pending.incrementAndGet() > max) {
            pending.decrementAndGet();
            return null;
        }
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(millis);
        long fireAt = Math.max(now, deadline - lead);
        return loop.schedule(() -> {
            pending.decrementAndGet();
            long firing = System.nanoTime();
            if (fireAt > now) {
                learn(firing - fireAt);
            }
            while (firing < deadline) { // no onSpinWait(): on a VM its PAUSE may hand the CPU to the host
                firing = System.nanoTime();
            }
            task.run();
        }, fireAt - now, TimeUnit.NANOSECONDS);
    }

    /** Cancels a timer that has not fired, giving it back to the budget. */
    void cancel(ScheduledFuture<?> timer) {
        if (timer.cancel(false)) {
            pending.decrementAndGet();
        }
    }

    /** {@return timers pending now} */
    int pending() {
        return pending.get();
    }

    /** One step of the 80th-percentile tracker: up an eighth when the timer ran later than the lead, down a 32nd if not. */
    private void learn(long late) {
        long next = late > lead ? lead + lead / 8 : lead - lead / 32;
        lead = Math.max(MIN_LEAD, Math.min(MAX_LEAD, next));
    }
}
