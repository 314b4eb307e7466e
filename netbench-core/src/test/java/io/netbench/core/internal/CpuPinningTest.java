package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CpuPinningTest {
    private static BitSet cpus(int... cpus) {
        BitSet set = new BitSet();
        for (int cpu : cpus) {
            set.set(cpu);
        }
        return set;
    }

    @Test
    void overlappingPinsRestoreTheThreadStepByStep() throws Exception {
        BitSet original = LibC.affinity(0);
        int first = original.nextSetBit(0);
        int last = original.previousSetBit(original.length());
        CpuPinning pinning = new CpuPinning();
        // On a thread of its own, so that a failing assertion cannot leave the test runner pinned.
        CompletableFuture.runAsync(() -> {
            try {
                CpuPinning.Pin outer = pinning.pin(first);
                assertEquals(cpus(first), LibC.affinity(0));
                CpuPinning.Pin inner = pinning.pin(last);
                assertEquals(cpus(last), LibC.affinity(0));
                outer.close();
                assertEquals(cpus(last), LibC.affinity(0), "the open pin still decides");
                inner.close();
                inner.close();
                assertEquals(original, LibC.affinity(0));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, r -> new Thread(r).start()).get();
    }

    @Test
    void aPinIsClosedOnItsOwnThread() throws Exception {
        CpuPinning pinning = new CpuPinning();
        try (CpuPinning.Pin pin = pinning.pin(LibC.affinity(0).nextSetBit(0))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.runAsync(pin::close, r -> new Thread(r).start()).get());
            assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        }
    }

    @Test
    void aCpuOutsideTheProcessSetIsRefusedWithQperfsWording() {
        IOException e = assertThrows(IOException.class, () -> CpuPinning.checkAllowed(1023));
        assertTrue(e.getMessage().startsWith("cannot set processor affinity (cpu 1023): this process may only use CPUs "),
                e.getMessage());
        IOException set = assertThrows(IOException.class, () -> LibC.setAffinity(cpus(1023)));
        assertEquals("cannot set processor affinity (cpu 1023): Invalid argument", set.getMessage());
    }
}
