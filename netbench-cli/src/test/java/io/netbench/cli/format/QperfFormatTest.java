package io.netbench.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.cli.format.QperfFormat.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what qperf 0.4.11 printed on this machine. */
class QperfFormatTest {
    private final QperfFormat qperf = QperfFormat.defaults();

    @ParameterizedTest
    @CsvSource({"1.69e9,1.69,GB/sec", "2.1e9,2.1,GB/sec", "1.02e6,1.02,MB/sec", "61.5e6,61.5,MB/sec",
        "3.48e9,3.48,GB/sec", "1.125e9,1.12,GB/sec", "998.5,998,bytes/sec", "999,999,bytes/sec", "1000,1,KB/sec", "4.19e6,4.19,MB/sec"})
    void bandwidth(double bytesPerSec, String number, String unit) {
        assertEquals(Value.of(number, unit), qperf.bandwidth(bytesPerSec));
    }

    @ParameterizedTest
    @CsvSource({"38e-6,38,us", "41.1e-6,41.1,us", "25.4e-6,25.4,us", "1,1,sec", "0.53,530,ms", "1.18,1.18,sec",
        "27.6e-9,27.6,ns", "1234,'1,234',sec"})
    void time(double seconds, String number, String unit) {
        assertEquals(Value.of(number, unit), qperf.time(seconds));
    }

    @ParameterizedTest
    @CsvSource({"23400,23.4,K/sec", "100000,100,K/sec", "39400,39.4,K/sec", "999,999,/sec", "2.5e6,2.5,M/sec"})
    void rate(double perSecond, String number, String unit) {
        assertEquals(Value.of(number, unit), qperf.rate(perSecond));
    }

    @Test
    void cpusCostAndCounts() {
        assertEquals(Value.of("111", "% cpus"), qperf.cpus(1.11));
        assertEquals(Value.of("49", "% cpus"), qperf.cpus(0.49));
        assertEquals(Value.of("724", "ms/GB"), qperf.cost(0.724));
        assertEquals(Value.of("32,062", ""), qperf.count(32062));
        assertEquals(Value.of("1.5", "million"), qperf.count(1_500_000));
    }

    @Test
    void sizes() {
        assertEquals(Value.of("1", "bytes"), qperf.size(1));
        assertEquals(Value.of("64", "bytes"), qperf.size(64));
        assertEquals(new Value("4", "KiB", "4,096"), qperf.size(4096));
        assertEquals(new Value("64", "KiB", "65,536"), qperf.size(65536));
        assertEquals(new Value("256", "KiB", "262,144"), qperf.size(262144));
        assertEquals(new Value("1", "MiB", "1,048,576"), qperf.size(1 << 20));
        assertEquals(Value.of("15.6", "KB"), qperf.size(15558));
        assertEquals(Value.of("2.1", "GB"), qperf.size(2_101_000_000L));
        assertEquals(Value.of("1.54", "MB"), qperf.size(1500 * 1024));
    }

    @Test
    void precisionAndUnifiedUnits() {
        assertEquals("1.6912", new QperfFormat(5, false, false).bandwidth(1.69123e9).number());
        assertEquals(Value.of("38000", "ns"), new QperfFormat(3, true, false).time(38e-6));
        assertEquals(Value.of("8", "Mb/sec"), new QperfFormat(3, false, true).bandwidth(1e6));
        assertEquals("0.01", qperf.number(0.0123));
    }

    @Test
    void blockAlignsLikeQperf() {
        String expected = ""
                + "    latency        =    32.1 us\n"
                + "    msg_size       =       1 bytes\n"
                + "    loc_cpus_used  =      53 % cpus\n"
                + "    loc_cpu_time   =     530 ms\n"
                + "    loc_send_msgs  =  15,558 \n"
                + "    msg_size       =       4 KiB (4,096)\n"
                + "    loc_qperf      =  0.4.11\n";
        String actual = new QperfFormat.Block()
                .add("latency", qperf.time(32.1e-6))
                .add("msg_size", qperf.size(1))
                .add("loc_cpus_used", qperf.cpus(0.53))
                .add("loc_cpu_time", qperf.time(0.53))
                .add("loc_send_msgs", qperf.count(15558))
                .add("msg_size", qperf.size(4096))
                .add("loc_qperf", qperf.text("0.4.11"))
                .render();
        assertEquals(expected, actual);
    }
}
