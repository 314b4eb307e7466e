package io.netbench.core;

/**
 * CPU used during a run, computed the way qperf computes its {@code *_cpus_used},
 * {@code *_cpus_user/intr/kernel/iowait}, {@code *_real_time} and {@code *_cpu_time} figures:
 * from two {@link CpuSnapshot}s of this machine ({@link #between}), or from the two tick arrays a
 * qperf server reports ({@link #fromTicks}).
 *
 * <p>The machine-wide figures are in CPUs: 1.12 means 1.12 CPUs were busy on average over the run,
 * which qperf prints as {@code 112 % cpus}. {@code user} counts user and nice time, {@code intr}
 * hard and soft interrupts, {@code kernel} system and steal time; {@link #busyCpus()} adds
 * {@code iowait} to them. {@link #processCpus()} is this process alone (NaN when unknown, e.g. for
 * figures received from a qperf server).
 *
 * @param realSeconds elapsed real time
 * @param cpuSeconds machine-wide CPU time spent outside idle
 * @param userCpus CPUs busy in user space, nice included
 * @param intrCpus CPUs busy serving hard and soft interrupts
 * @param kernelCpus CPUs busy in the kernel, steal included
 * @param iowaitCpus CPUs idle while waiting for I/O
 * @param processCpus CPUs this process kept busy, NaN when unknown
 */
public record CpuUsage(double realSeconds, double cpuSeconds, double userCpus, double intrCpus,
                       double kernelCpus, double iowaitCpus, double processCpus) {

    /**
     * The CPU used between two snapshots of the same machine.
     *
     * @param start the snapshot taken first
     * @param end the snapshot taken last
     * @return the usage in between; zero figures when no real time passed
     */
    public static CpuUsage between(CpuSnapshot start, CpuSnapshot end) {
        double realTicks = end.tick(CpuSnapshot.REAL) - start.tick(CpuSnapshot.REAL);
        double processCpus = Double.NaN;
        if (realTicks > 0 && end.processCpuNanos() > 0) {
            double realNanos = realTicks * (1e9 / CpuSnapshot.TICKS_PER_SECOND);
            processCpus = (end.processCpuNanos() - start.processCpuNanos()) / realNanos;
        }
        return fromTicks(start.ticks(), end.ticks(), CpuSnapshot.TICKS_PER_SECOND, processCpus);
    }

    /**
     * The CPU used between two qperf-layout tick arrays, as received in qperf's STAT struct.
     *
     * @param start the ticks at the start, in {@link CpuSnapshot}'s layout
     * @param end the ticks at the end, likewise
     * @param ticksPerSecond the sender's clock ticks per second ({@code no_ticks})
     * @param processCpus the sender's own CPUs busy, NaN when unknown
     * @return the usage in between; zero figures when no real time passed
     */
    public static CpuUsage fromTicks(long[] start, long[] end, long ticksPerSecond, double processCpus) {
        double real = end[CpuSnapshot.REAL] - start[CpuSnapshot.REAL];
        if (real <= 0 || ticksPerSecond <= 0) {
            return new CpuUsage(0, 0, 0, 0, 0, 0, processCpus);
        }
        long busy = 0;
        for (int i = 0; i < CpuSnapshot.FIELDS; i++) {
            if (i != CpuSnapshot.REAL && i != CpuSnapshot.IDLE) {
                busy += end[i] - start[i];
            }
        }
        return new CpuUsage(real / ticksPerSecond, (double) busy / ticksPerSecond,
                (delta(start, end, CpuSnapshot.USER) + delta(start, end, CpuSnapshot.NICE)) / real,
                (delta(start, end, CpuSnapshot.IRQ) + delta(start, end, CpuSnapshot.SOFTIRQ)) / real,
                (delta(start, end, CpuSnapshot.SYSTEM) + delta(start, end, CpuSnapshot.STEAL)) / real,
                delta(start, end, CpuSnapshot.IOWAIT) / real, processCpus);
    }

    private static double delta(long[] start, long[] end, int field) {
        return end[field] - start[field];
    }

    /** {@return busy CPUs machine-wide: user + intr + kernel + iowait (qperf's {@code cpus_used})} */
    public double busyCpus() {
        return userCpus + intrCpus + kernelCpus + iowaitCpus;
    }
}
