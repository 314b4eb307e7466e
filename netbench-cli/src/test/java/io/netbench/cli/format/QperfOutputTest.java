package io.netbench.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.tcp.QperfConf;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.QperfTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The rows qperf's show_info prints, by verbosity, for results made up here. */
class QperfOutputTest {
    private static final QperfFormat FORMAT = QperfFormat.defaults();
    private static final QperfOutput.Verbosity ALL = new QperfOutput.Verbosity(2, 2, 2, 2);
    private static final QperfOutput.Verbosity USED = new QperfOutput.Verbosity(0, 0, 0, 1);
    private static final CpuUsage SENDER = new CpuUsage(1, 1.5, 0.5, 0.25, 0.5, 0, Double.NaN);
    private static final CpuUsage RECEIVER = new CpuUsage(1, 1, 0.25, 0.25, 0.5, 0, Double.NaN);

    /** 1 s of tcp_bw at 64 KiB: 1,000 messages sent by this side, all received by the server. */
    private static QperfResult tcpBw() {
        Counters sent = new Counters(65_536_000, 1000, 0, 0);
        Counters received = new Counters(0, 0, 65_536_000, 1000);
        return new QperfResult(QperfTest.TCP_BW, "127.0.0.1", Instant.EPOCH, 65536, Duration.ofSeconds(1), sent,
                received, SENDER, RECEIVER, LatencyStats.of(LatencyRecorder.newHistogram()), null, null, null, List.of(), List.of());
    }

    /** 2 s of tcp_lat at 1 byte: 100,000 messages each way, half round trips of 10 us. */
    private static QperfResult tcpLat() {
        Counters each = new Counters(100_000, 100_000, 100_000, 100_000);
        Histogram h = LatencyRecorder.newHistogram();
        h.recordValueWithCount(10_000, 99_000);
        h.recordValueWithCount(50_000, 1_000);
        CpuUsage cpu = new CpuUsage(2, 1, 0.25, 0, 0.25, 0, Double.NaN);
        return new QperfResult(QperfTest.TCP_LAT, "127.0.0.1", Instant.EPOCH, 1, Duration.ofSeconds(2), each, each,
                cpu, cpu, LatencyStats.of(h), null, null, null, List.of(), List.of());
    }

    @Test
    void quietShowsTheMainFigureAlone() {
        QperfStep asked = QperfStep.NONE.with(QperfParam.TIMEOUT, 5);
        assertEquals("    bw  =  65.5 MB/sec\n",
                new QperfOutput(FORMAT, QperfOutput.Verbosity.QUIET, false, false).render(tcpBw(), asked));
    }

    @Test
    void everythingAtTheHighestVerbosity() {
        QperfStep asked = QperfStep.NONE.with(QperfParam.TIMEOUT, 5).with(QperfParam.PORT, 4001)
                .with(QperfParam.SOCK_BUF_SIZE, 4096, 8192).with(QperfParam.ACCESS_RECV, 1)
                .with(QperfParam.AFFINITY, 1, 2);
        String expected = ""
                + "    bw                 =   65.5 MB/sec\n"
                + "    msg_rate           =      1 K/sec\n"
                + "    access_recv        =      1 \n"
                + "    loc_affinity       =      1 \n"
                + "    rem_affinity       =      2 \n"
                + "    msg_size           =     64 KiB (65,536)\n"
                + "    port               =  4,001 \n"
                + "    loc_sock_buf_size  =      4 KiB (4,096)\n"
                + "    rem_sock_buf_size  =      8 KiB (8,192)\n"
                + "    time               =      1 sec\n"
                + "    timeout            =      5 sec\n"
                + "    send_cost          =   22.9 sec/GB\n"
                + "    recv_cost          =   15.3 sec/GB\n"
                + "    send_cpus_used     =    125 % cpus\n"
                + "    send_cpus_user     =     50 % cpus\n"
                + "    send_cpus_intr     =     25 % cpus\n"
                + "    send_cpus_kernel   =     50 % cpus\n"
                + "    send_real_time     =      1 sec\n"
                + "    send_cpu_time      =    1.5 sec\n"
                + "    send_bytes         =   65.5 MB\n"
                + "    send_msgs          =  1,000 \n"
                + "    recv_cpus_used     =    100 % cpus\n"
                + "    recv_cpus_user     =     25 % cpus\n"
                + "    recv_cpus_intr     =     25 % cpus\n"
                + "    recv_cpus_kernel   =     50 % cpus\n"
                + "    recv_real_time     =      1 sec\n"
                + "    recv_cpu_time      =      1 sec\n"
                + "    recv_bytes         =   65.5 MB\n"
                + "    recv_msgs          =  1,000 \n";
        assertEquals(expected, new QperfOutput(FORMAT, ALL, false, false).render(tcpBw(), asked));
    }

    @Test
    void verboseUsedShowsWhatTheUserSetAndUnifiedNodesSayLocAndRem() {
        QperfStep asked = QperfStep.NONE.with(QperfParam.TIMEOUT, 5).with(QperfParam.PORT, 4001)
                .with(QperfParam.SOCK_BUF_SIZE, 4096).with(QperfParam.AFFINITY, 3)
                .setByUser(Set.of(QperfParam.MSG_SIZE, QperfParam.AFFINITY, QperfParam.SOCK_BUF_SIZE));
        String expected = ""
                + "    bw             =  65.5 MB/sec\n"
                + "    affinity       =     3 \n"
                + "    msg_size       =    64 KiB (65,536)\n"
                + "    sock_buf_size  =     4 KiB (4,096)\n";
        assertEquals(expected, new QperfOutput(FORMAT, USED, true, false).render(tcpBw(), asked));
        QperfOutput.Verbosity stat = new QperfOutput.Verbosity(0, 2, 0, 0);
        assertEquals(""
                + "    bw              =   65.5 MB/sec\n"
                + "    msg_rate        =      1 K/sec\n"
                + "    loc_send_bytes  =   65.5 MB\n"
                + "    loc_send_msgs   =  1,000 \n"
                + "    rem_recv_bytes  =   65.5 MB\n"
                + "    rem_recv_msgs   =  1,000 \n", new QperfOutput(FORMAT, stat, true, false).render(tcpBw(), asked));
    }

    @Test
    void latencyWithPercentilesAndTheUsedTime() {
        QperfStep asked = QperfStep.NONE.with(QperfParam.TIMEOUT, 5).with(QperfParam.ACCESS_RECV, 1)
                .setByUser(Set.of(QperfParam.TIME, QperfParam.ACCESS_RECV));
        String expected = ""
                + "    latency         =   10 us\n"
                + "    msg_rate        =  100 K/sec\n"
                + "    latency_p50     =   10 us\n"
                + "    latency_p90     =   10 us\n"
                + "    latency_p99     =   10 us\n"
                + "    latency_p99.9   =   50 us\n"
                + "    latency_p99.99  =   50 us\n"
                + "    latency_max     =   50 us\n"
                + "    time            =    2 sec\n"
                + "    loc_cpus_used   =   50 % cpus\n"
                + "    rem_cpus_used   =   50 % cpus\n";
        QperfOutput.Verbosity verbose = new QperfOutput.Verbosity(1, 1, 1, 1);
        assertEquals(expected, new QperfOutput(FORMAT, verbose, false, true).render(tcpLat(), asked));
    }

    @Test
    void confShowsBothSides() {
        QperfConf local = new QperfConf("a", "Intel", "Linux 6", "0.4.11");
        QperfConf remote = new QperfConf("b", "AMD", "Linux 5", "0.4.9");
        assertEquals(""
                + "    loc_node   =  a\n"
                + "    loc_cpu    =  Intel\n"
                + "    loc_os     =  Linux 6\n"
                + "    loc_qperf  =  0.4.11\n"
                + "    rem_node   =  b\n"
                + "    rem_cpu    =  AMD\n"
                + "    rem_os     =  Linux 5\n"
                + "    rem_qperf  =  0.4.9\n", QperfOutput.renderConf(FORMAT, local, remote));
    }
}
