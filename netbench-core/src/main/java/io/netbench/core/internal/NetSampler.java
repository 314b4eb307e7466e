package io.netbench.core.internal;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.NetCounters;
import io.netbench.core.TcpInfo;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples one end's {@link NetCounters} around a test: {@link #start} before the measured
 * interval, {@link #finish} after it, never inside it. Each takes the machine's TCP counters, its
 * CPU clocks and the TCP_INFO that the caller reads of its data connections ({@link TcpSockets}).
 *
 * <p>Always on, so that every result carries its counters, unless the system property
 * {@code netbench.netCounters} is {@code false}: then nothing is read and every sample is
 * {@code null}, which is how the benchmarks measure what sampling costs.
 */
public final class NetSampler {
    private static final boolean ENABLED = !"false".equals(System.getProperty("netbench.netCounters"));
    private static final NetSampler OFF = new NetSampler(null, Map.of(), null);
    private final TcpInfo startInfo;
    private final Map<String, Long> startCounters;
    private final CpuSnapshot startCpu;

    private NetSampler(TcpInfo startInfo, Map<String, Long> startCounters, CpuSnapshot startCpu) {
        this.startInfo = startInfo;
        this.startCounters = startCounters;
        this.startCpu = startCpu;
    }

    /** {@return whether sampling is on (see the class comment)} */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Takes the first sample; {@code info} reads the data connections' TCP_INFO now ({@code null}: none). */
    public static NetSampler start(Supplier<TcpInfo> info) {
        return ENABLED ? new NetSampler(info.get(), SystemCounters.now(), CpuSnapshot.now()) : OFF;
    }

    /** Takes the last sample; {@code info} reads the data connections' TCP_INFO now; {@code null} when off. */
    public NetCounters finish(Supplier<TcpInfo> info) {
        if (this == OFF) {
            return null;
        }
        CpuSnapshot endCpu = CpuSnapshot.now();
        Map<String, Long> counters = SystemCounters.delta(startCounters, SystemCounters.now());
        return new NetCounters(startInfo, info.get(), counters,
                NetCounters.cpuSplit(startCpu.ticks(), endCpu.ticks(), CpuSnapshot.TICKS_PER_SECOND));
    }
}
