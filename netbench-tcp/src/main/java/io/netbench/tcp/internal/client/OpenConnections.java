package io.netbench.tcp.internal.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Everything a run has open that a cancel must end, from whichever thread cancels: control
 * connections, data paths, the warm-up's peer, the threads of parallel streams. Each registers
 * how to abort it (close a control socket; stop a data path, which wakes its loop without closing
 * the descriptor under it; cancel a stream) and removes itself once it is closed. After
 * {@link #abort()} nothing stays open: what registers later is aborted at once.
 */
final class OpenConnections {
    private final Set<Registration> open = new HashSet<>();
    private boolean aborted;

    /**
     * Keeps {@code abort} until the returned registration is closed.
     *
     * @throws CancellationException after running {@code abort}, if the run has been aborted already
     */
    Registration add(Runnable abort) {
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
    void abort() {
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
    final class Registration implements AutoCloseable {
        private final Runnable abort;

        private Registration(Runnable abort) {
            this.abort = abort;
        }

        @Override
        public void close() {
            synchronized (OpenConnections.this) {
                open.remove(this);
            }
        }
    }
}
