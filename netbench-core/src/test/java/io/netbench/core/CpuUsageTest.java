package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuUsageTest {
    @Test
    void computesQperfFiguresFromTicks() {
        //              real user nice sys idle iowait irq softirq steal
        long[] start = {1000, 10, 0, 20, 500, 0, 0, 0, 0};
        long[] end = {1100, 40, 10, 60, 520, 5, 10, 20, 5};
        CpuUsage usage = CpuUsage.fromTicks(start, end, 100, Double.NaN);
        assertEquals(1.0, usage.realSeconds(), 1e-9);
        assertEquals(1.20, usage.cpuSeconds(), 1e-9);
        assertEquals(0.40, usage.userCpus(), 1e-9);
        assertEquals(0.30, usage.intrCpus(), 1e-9);
        assertEquals(0.45, usage.kernelCpus(), 1e-9);
        assertEquals(0.05, usage.iowaitCpus(), 1e-9);
        assertEquals(1.20, usage.busyCpus(), 1e-9);
    }

    @Test
    void zeroRealTimeGivesZeros() {
        long[] same = new long[CpuSnapshot.FIELDS];
        assertEquals(0, CpuUsage.fromTicks(same, same, 100, 0.5).busyCpus());
    }

    @Test
    void snapshotsOfThisMachineMeasureBusyWork() throws InterruptedException {
        CpuSnapshot start = CpuSnapshot.now();
        long until = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < until) {
            spin++;
        }
        CpuUsage usage = CpuUsage.between(start, CpuSnapshot.now());
        assertTrue(spin > 0);
        assertTrue(usage.realSeconds() >= 0.25, "real " + usage.realSeconds());
        assertTrue(usage.processCpus() > 0.3, "process " + usage.processCpus());
        assertTrue(usage.busyCpus() > 0.3, "busy " + usage.busyCpus());
        assertEquals(Runtime.getRuntime().availableProcessors(), start.cpus());
    }
}
