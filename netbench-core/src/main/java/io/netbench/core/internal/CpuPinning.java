package io.netbench.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pins the calling thread to one CPU for a while (qperf's {@code -ca/-lca/-rca}) and gives the
 * thread its CPU set back afterwards. Pins of one thread may overlap (two server sessions on one
 * event loop): the newest open pin decides the CPU, and the thread's original set comes back when
 * the last of them is closed. A {@link Pin} must be closed on the thread that made it.
 *
 * <p>qperf pins its whole process; a JVM pins the thread that does the test's I/O, which is what
 * decides where the socket work runs. Threads are counted per instance, so each server or client
 * run keeps its own instance.
 */
public final class CpuPinning {
    private final Map<Thread, Saved> saved = new ConcurrentHashMap<>();

    /** A thread's CPU set before its first pin, and its open pins, oldest first (owner thread only). */
    private record Saved(BitSet original, List<Pin> open) {
    }

    /**
     * Checks that this process may run on {@code cpu} (0-based), with qperf's wording if not, so
     * that a request can be refused before a test starts.
     */
    public static void checkAllowed(int cpu) throws IOException {
        BitSet allowed = LibC.affinity((int) ProcessHandle.current().pid());
        if (cpu < 0 || !allowed.get(cpu)) {
            throw new IOException("cannot set processor affinity (cpu " + cpu + "): this process may only use CPUs "
                    + allowed.toString().replaceAll("[{}]", ""));
        }
    }

    /** Moves the calling thread to {@code cpu} (0-based) until the returned pin is closed. */
    public Pin pin(int cpu) throws IOException {
        Thread thread = Thread.currentThread();
        Saved s = saved.get(thread);
        if (s == null) {
            s = new Saved(LibC.affinity(0), new ArrayList<>());
        }
        LibC.setAffinity(only(cpu));
        Pin pin = new Pin(thread, cpu);
        s.open.add(pin);
        saved.put(thread, s);
        return pin;
    }

    private static BitSet only(int cpu) {
        BitSet one = new BitSet();
        one.set(cpu);
        return one;
    }

    /** One pin of one thread; closing it moves the thread back to where the other pins or none put it. */
    public final class Pin implements AutoCloseable {
        private final Thread thread;
        private final int cpu;
        private boolean closed;

        private Pin(Thread thread, int cpu) {
            this.thread = thread;
            this.cpu = cpu;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("a CPU pin must be closed on " + thread.getName());
            }
            closed = true;
            Saved s = saved.get(thread);
            s.open.remove(this);
            if (s.open.isEmpty()) {
                saved.remove(thread);
            }
            try {
                LibC.setAffinity(s.open.isEmpty() ? s.original : only(s.open.get(s.open.size() - 1).cpu));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
