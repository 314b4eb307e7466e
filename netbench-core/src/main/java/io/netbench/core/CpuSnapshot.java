package io.netbench.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The machine's and this process's CPU clocks at one instant: take one with {@link #now()} before
 * a run and one after, and {@link CpuUsage#between} says how busy the CPUs were in between.
 *
 * <p>{@link #ticks()} follows qperf's layout (the {@code time_s}/{@code time_e} arrays of its wire
 * STAT struct, which a qperf server sends in that order): index {@link #REAL} is elapsed real time,
 * the others the first line of {@code /proc/stat} summed over all CPUs, all in clock ticks
 * ({@link #TICKS_PER_SECOND}). Off Linux the machine-wide ticks are zero and only real and process
 * time are known. A snapshot is immutable: the array is copied in and out.
 *
 * @param ticks the clocks in qperf's layout, {@link #FIELDS} of them, in ticks
 * @param processCpuNanos the CPU time this process has used, in nanoseconds (0 when unknown)
 * @param cpus the processors available to this JVM
 */
public record CpuSnapshot(long[] ticks, long processCpuNanos, int cpus) {
    /** Index of elapsed real time in {@link #ticks()}. */
    public static final int REAL = 0;
    /** Index of user time. */
    public static final int USER = 1;
    /** Index of user time at low priority (nice). */
    public static final int NICE = 2;
    /** Index of kernel time. */
    public static final int SYSTEM = 3;
    /** Index of idle time. */
    public static final int IDLE = 4;
    /** Index of time idle while waiting for I/O. */
    public static final int IOWAIT = 5;
    /** Index of time serving hardware interrupts. */
    public static final int IRQ = 6;
    /** Index of time serving soft interrupts. */
    public static final int SOFTIRQ = 7;
    /** Index of time stolen by the hypervisor for other guests. */
    public static final int STEAL = 8;
    /** Number of tick fields, qperf's {@code T_N}. */
    public static final int FIELDS = 9;
    /** Linux's USER_HZ, the unit of /proc/stat; fixed at 100 on every mainstream architecture. */
    public static final long TICKS_PER_SECOND = 100;

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * Checks the number of clocks and copies them.
     *
     * @param ticks the clocks in qperf's layout, copied
     * @param processCpuNanos the CPU time this process has used, in nanoseconds
     * @param cpus the processors available to this JVM
     * @throws IllegalArgumentException if there are not {@link #FIELDS} clocks
     */
    public CpuSnapshot {
        if (ticks.length != FIELDS) {
            throw new IllegalArgumentException("ticks must have " + FIELDS + " fields: " + ticks.length);
        }
        ticks = ticks.clone();
    }

    /**
     * Reads the clocks now; never throws (unreadable /proc leaves the machine ticks at zero). The
     * real clock is read last, so that a snapshot taken just before a measured loop starts the
     * loop's time when the loop starts: the first call loads the management classes, which takes
     * tens of milliseconds.
     *
     * @return the clocks now
     */
    public static CpuSnapshot now() {
        long[] ticks = new long[FIELDS];
        try (BufferedReader in = Files.newBufferedReader(PROC_STAT, StandardCharsets.US_ASCII)) {
            String line = in.readLine();
            String[] fields = line == null ? new String[0] : line.trim().split("\\s+");
            if (fields.length > 0 && fields[0].equals("cpu")) {
                for (int i = 1; i < FIELDS && i < fields.length; i++) {
                    ticks[i] = Long.parseLong(fields[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            Arrays.fill(ticks, USER, FIELDS, 0);
        }
        long processCpuNanos = currentProcessCpuNanos();
        ticks[REAL] = System.nanoTime() / (1_000_000_000L / TICKS_PER_SECOND);
        return new CpuSnapshot(ticks, processCpuNanos, Runtime.getRuntime().availableProcessors());
    }

    /** {@return a copy of the clocks, in qperf's layout} */
    @Override
    public long[] ticks() {
        return ticks.clone();
    }

    /**
     * One clock.
     *
     * @param field its index, e.g. {@link #USER}
     * @return its value in ticks
     */
    public long tick(int field) {
        return ticks[field];
    }

    private static long currentProcessCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSnapshot s && Arrays.equals(ticks, s.ticks)
                && processCpuNanos == s.processCpuNanos && cpus == s.cpus;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ticks) * 31 + Long.hashCode(processCpuNanos) * 17 + cpus;
    }

    @Override
    public String toString() {
        return "CpuSnapshot" + Arrays.toString(ticks) + " process=" + processCpuNanos + "ns cpus=" + cpus;
    }
}
