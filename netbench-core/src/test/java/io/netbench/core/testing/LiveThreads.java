package io.netbench.core.testing;

import java.util.List;

/** Checks that what a test started has ended: the threads whose names start with given prefixes. */
public final class LiveThreads {
    private LiveThreads() {
    }

    /** How many threads named {@code prefix...} are still alive after up to three seconds of waiting for them to end. */
    public static long named(String... prefixes) throws InterruptedException {
        for (int i = 0; i < 30 && count(prefixes) > 0; i++) {
            Thread.sleep(100);
        }
        return count(prefixes);
    }

    private static long count(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> List.of(prefixes).stream().anyMatch(t.getName()::startsWith)).count();
    }
}
