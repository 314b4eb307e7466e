package io.netbench.core.internal;

import io.netbench.core.Durations;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A JIT warm-up: work done in this process before it measures or serves, so that the JIT has
 * compiled the hot paths by then. {@link #checkTime} is the check of the {@code jitWarmup} option
 * that the clients and the servers share. An instance runs a server's warm-up once and then waits
 * until the JIT has compiled what the warm-up queued, since a first client would otherwise share
 * the CPUs with the compiler threads. Not public API.
 */
public final class Warmup {
    /** How long the JIT must not compile anything for the wait to end. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(200);
    /** The longest wait for that, on a machine busy with other work. */
    private static final Duration QUIET_WAIT_MAX = Duration.ofSeconds(2);

    private final Consumer<Duration> warm;
    private boolean done;

    /**
     * @param warm does the work for about the time it is given; throws an unchecked exception if
     *             it fails
     */
    public Warmup(Consumer<Duration> warm) {
        this.warm = warm;
    }

    /**
     * Checks the {@code jitWarmup} option: zero (no warm-up) or at least a millisecond.
     *
     * @param time the value given
     * @return {@code time}
     * @throws IllegalArgumentException naming the option and the value
     */
    public static Duration checkTime(Duration time) {
        if (time == null || time.isNegative() || !time.isZero() && time.toMillis() < 1) {
            throw new IllegalArgumentException("jitWarmup must be 0 or at least 1 ms: " + Durations.format(time));
        }
        return time;
    }

    /**
     * On the first call only, warms up for {@code time} (nothing if it is zero) and then waits, at
     * most 2 s, until the JIT has compiled nothing for 200 ms; later calls do nothing.
     *
     * @param time how long to warm up, already {@linkplain #checkTime checked}
     */
    public void runOnce(Duration time) {
        if (!done && !time.isZero()) {
            warm.accept(time);
            awaitQuietJit(QUIET_PERIOD, QUIET_WAIT_MAX);
        }
        done = true;
    }

    /**
     * Waits, at most {@code max}, until the JIT's total compilation time has stood still for
     * {@code quiet}. Returns at once where the JVM does not measure compilation time, and on an
     * interrupt, with the thread's interrupt flag set again.
     */
    static void awaitQuietJit(Duration quiet, Duration max) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long end = System.nanoTime() + max.toNanos();
        long step = Math.max(1, Math.min(quiet.toMillis(), max.toMillis()) / 4);
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < end) {
            try {
                Thread.sleep(step);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }
}
