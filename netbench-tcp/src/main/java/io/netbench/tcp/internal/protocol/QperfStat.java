package io.netbench.tcp.internal.protocol;

import io.netbench.core.CpuSnapshot;
import io.netty.buffer.ByteBuf;

/**
 * qperf's STAT struct: one side's CPU clocks at the start and end of a test and its transfer
 * counters ({@code s} sent, {@code r} received). Sent as {@value Wire#STAT_SIZE} bytes: the
 * {@value Wire#STAT_ENCODED} encoded bytes and the C struct's 4 bytes of padding.
 */
public record QperfStat(long noCpus, long noTicks, long maxCqes, long[] timeS, long[] timeE, Counters s,
                        Counters r, Counters remS, Counters remR) {

    /** qperf's USTAT: bytes, messages, errors. */
    public record Counters(long bytes, long msgs, long errs) {
        public static final Counters ZERO = new Counters(0, 0, 0);
    }

    /** The STAT of this machine for a test that ran between two snapshots. */
    public static QperfStat of(CpuSnapshot start, CpuSnapshot end, Counters sent, Counters received) {
        return new QperfStat(start.cpus(), CpuSnapshot.TICKS_PER_SECOND, 0, start.ticks(), end.ticks(), sent,
                received, Counters.ZERO, Counters.ZERO);
    }

    public void encode(ByteBuf out) {
        out.writeIntLE((int) noCpus).writeIntLE((int) noTicks).writeIntLE((int) maxCqes);
        for (long t : timeS) {
            out.writeLongLE(t);
        }
        for (long t : timeE) {
            out.writeLongLE(t);
        }
        for (Counters c : new Counters[] {s, r, remS, remR}) {
            out.writeLongLE(c.bytes()).writeLongLE(c.msgs()).writeLongLE(c.errs());
        }
        out.writeZero(Wire.STAT_SIZE - Wire.STAT_ENCODED);
    }

    /** Decodes {@value Wire#STAT_SIZE} readable bytes. */
    public static QperfStat decode(ByteBuf in) {
        long noCpus = in.readUnsignedIntLE();
        long noTicks = in.readUnsignedIntLE();
        long maxCqes = in.readUnsignedIntLE();
        long[] timeS = readTicks(in);
        long[] timeE = readTicks(in);
        Counters[] c = new Counters[4];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Counters(in.readLongLE(), in.readLongLE(), in.readLongLE());
        }
        in.skipBytes(Wire.STAT_SIZE - Wire.STAT_ENCODED);
        return new QperfStat(noCpus, noTicks, maxCqes, timeS, timeE, c[0], c[1], c[2], c[3]);
    }

    private static long[] readTicks(ByteBuf in) {
        long[] ticks = new long[CpuSnapshot.FIELDS];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = in.readLongLE();
        }
        return ticks;
    }
}
