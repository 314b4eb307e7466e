package io.netbench.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Everything a run has open that a cancel must end, from whichever thread cancels: connections,
 * data paths, a warm-up's peer or server, event loops, the threads of parallel streams. Each
 * registers how to abort it (close a socket; stop a data path, which wakes its loop without closing
 * the descriptor under it; shut event loops down; cancel a stream) and closes its registration once
 * it has ended as usual. A blocked socket call ignores interrupts; closing what it waits on does
 * not. After {@link #abort()} nothing stays open: what registers later is aborted at once. Both
 * clients' {@code start()} futures abort through one of these ({@link Async}). Not public API.
 */
public final class Aborts {
    private final Set<Registration> open = new HashSet<>();
    private boolean aborted;

    /**
     * Keeps {@code abort} until the returned registration is closed.
     *
     * @throws CancellationException after running {@code abort}, if the run has been aborted already
     */
    public Registration add(Runnable abort) {
        synchronized (this) {
            if (!aborted) {
                Registration registration = new Registration(abort);
                open.add(registration);
                return registration;
            }
        }
        abort.run();
        throw new CancellationException("the run was cancelled");
    }

    /**
     * Aborts everything registered, and everything that registers from now on. Each is aborted even
     * where one before it failed; the first failure is thrown after all.
     */
    public void abort() {
        List<Registration> all;
        synchronized (this) {
            aborted = true;
            all = new ArrayList<>(open);
            open.clear();
        }
        RuntimeException failure = null;
        for (Registration registration : all) {
            try {
                registration.abort.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One thing a run holds open; closing the registration forgets it (it was closed as usual). */
    public final class Registration implements AutoCloseable {
        private final Runnable abort;

        private Registration(Runnable abort) {
            this.abort = abort;
        }

        @Override
        public void close() {
            synchronized (Aborts.this) {
                open.remove(this);
            }
        }
    }
}
