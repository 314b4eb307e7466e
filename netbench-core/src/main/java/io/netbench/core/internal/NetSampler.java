package io.netbench.core.internal;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.NetCounters;
import io.netbench.core.TcpInfo;
import java.util.Map;

/**
 * Samples one end's {@link NetCounters} around a test: {@link #start} before the measured
 * interval, {@link #finish} after it, never inside it. Each takes the machine's TCP counters, its
 * CPU clocks and the TCP_INFO that the caller read of its data connections ({@link TcpSockets}).
 */
public final class NetSampler {
    private final TcpInfo startInfo;
    private final Map<String, Long> startCounters;
    private final CpuSnapshot startCpu;

    private NetSampler(TcpInfo startInfo, Map<String, Long> startCounters, CpuSnapshot startCpu) {
        this.startInfo = startInfo;
        this.startCounters = startCounters;
        this.startCpu = startCpu;
    }

    /** Takes the first sample; {@code info} is the data connections' TCP_INFO now, or {@code null}. */
    public static NetSampler start(TcpInfo info) {
        return new NetSampler(info, SystemCounters.now(), CpuSnapshot.now());
    }

    /** Takes the last sample; {@code info} is the data connections' TCP_INFO now, or {@code null}. */
    public NetCounters finish(TcpInfo info) {
        CpuSnapshot endCpu = CpuSnapshot.now();
        Map<String, Long> counters = SystemCounters.delta(startCounters, SystemCounters.now());
        return new NetCounters(startInfo, info, counters,
                NetCounters.cpuSplit(startCpu.ticks(), endCpu.ticks(), CpuSnapshot.TICKS_PER_SECOND));
    }
}
