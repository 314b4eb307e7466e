package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The netbench client against the real qperf 0.4.11 daemon: the classic second data port. */
class RealQperfServerTest {
    private static Process daemon;
    private static int port;

    @BeforeAll
    static void startDaemon() throws Exception {
        Path qperf = ExternalTools.require("qperf");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        daemon = new ProcessBuilder(qperf.toString(), "-lp", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("qperf daemon did not start on port " + port);
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.destroy();
        }
    }

    @Test
    void socketTestsAndConf() throws Exception {
        for (QperfTest test : new QperfTest[] {QperfTest.TCP_BW, QperfTest.TCP_LAT, QperfTest.UDP_BW, QperfTest.UDP_LAT}) {
            QperfResult r = QperfClient.to("127.0.0.1", port).test(test).msgSize(test.isBandwidth() ? 8192 : 16)
                    .time(Duration.ofSeconds(1)).run();
            assertEquals(test.isBandwidth() ? 8192 : 16, r.msgSize());
            assertTrue(r.remote().receivedBytes() > 0, test + " " + r);
            assertTrue(test.isLatency() ? r.latencyNanos() > 0 : r.receiveBandwidth() > 0, test + " " + r);
            assertTrue(r.remoteCpu().realSeconds() > 0.5, test + " " + r.remoteCpu());
            assertEquals(!test.isUdp(), r.localNet().end() != null, "this end's TCP_INFO: " + r.localNet());
            assertEquals(null, r.remoteNet().end(), "a real qperf server sends no counters");
            assertTrue(r.remoteNet().cpu().containsKey("softirq"), "but its STAT's CPU split: " + r.remoteNet());
        }
        assertEquals("0.4.11", QperfClient.to("127.0.0.1", port).test(QperfTest.CONF).run().remoteConf().qperf());
    }

    @Test
    void affinityIsSentAndTheServersErrorTextComesBack() throws Exception {
        QperfClient client = QperfClient.to("127.0.0.1", port).test(QperfTest.TCP_LAT).time(Duration.ofSeconds(1));
        assertTrue(client.cpuAffinity(0).run().latencyNanos() > 0);
        QperfException e = assertThrows(QperfException.class,
                () -> client.cpuAffinity(QperfClient.NO_AFFINITY, 999).run());
        assertEquals("server: cannot set processor affinity (cpu 999): Invalid argument", e.getMessage());
    }
}
