package io.netbench.tcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.NetCounters;
import io.netbench.core.TcpInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's counters after its STAT: asked for in the request, announced in the STAT's padding. */
class CountersFrameTest {
    private static final QperfStat STAT = QperfStat.of(new CpuSnapshot(new long[CpuSnapshot.FIELDS], 0, 2),
            new CpuSnapshot(new long[CpuSnapshot.FIELDS], 0, 2), QperfStat.Counters.ZERO, QperfStat.Counters.ZERO);

    @Test
    void aMarkedStatIsFollowedByTheCounters() {
        NetCounters counters = new NetCounters(null, new TcpInfo(1, "cubic", Map.of("snd_mss", 1448L)),
                Map.of("Tcp.RetransSegs", 501L), Map.of("softirq", 0.41));
        ByteBuf out = Unpooled.buffer();
        STAT.encode(out);
        CountersFrame.write(out, counters);
        ByteBuf stat = out.readRetainedSlice(Wire.STAT_SIZE);
        assertTrue(CountersFrame.follows(stat));
        assertEquals(STAT.noCpus(), QperfStat.decode(stat).noCpus(), "the STAT itself is unchanged");
        int length = CountersFrame.length(out.readSlice(4));
        assertEquals(length, out.readableBytes());
        assertEquals(counters, CountersFrame.read(out));
    }

    @Test
    void aPlainStatAnnouncesNothingAndOnlyACountersRequestAsksForThem() {
        ByteBuf plain = Unpooled.buffer();
        STAT.encode(plain);
        assertFalse(CountersFrame.follows(plain), "a real qperf server's STAT");
        assertFalse(QperfRequest.of(8, 1, 2, 5, 0, 0, 0, "").wantsCounters(), "a real qperf client's request");
        ByteBuf request = Unpooled.buffer();
        QperfRequest.of(8, 1, 2, 5, 0, 0, 0, "").withCounters().encode(request);
        assertEquals(Wire.REQUEST_SIZE, request.readableBytes());
        assertTrue(QperfRequest.decode(request).wantsCounters());
        assertThrows(IllegalArgumentException.class,
                () -> CountersFrame.length(Unpooled.buffer().writeIntLE(CountersFrame.MAX_LENGTH + 1)));
    }
}
