package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.internal.SystemCounters;
import io.netbench.core.testing.LiveThreads;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpBenchServer.Builder#jitWarmup}: served on a loopback port of its own before the real one listens. */
class HttpServerWarmupTest {
    @Test
    void warmsInRoundsOnItsOwnPortOnceThenListens() throws Exception {
        HttpBenchServer.Builder options = HttpBenchServer.builder().bindAddress("127.0.0.1").port(0).threads(1)
                .jitWarmup(Duration.ofSeconds(3));
        Map<String, Long> before = SystemCounters.now();
        long begin = System.nanoTime();
        options.warmUp();
        assertTrue(System.nanoTime() - begin >= 1_500_000_000L, "fewer than three half-second rounds");
        // Its Connection: close rounds open every one of their 512 connections again for each request, at least
        // three rounds of it; keep-alive rounds alone would open 100 a round.
        long accepted = SystemCounters.delta(before, SystemCounters.now()).getOrDefault("Tcp.PassiveOpens", -1L);
        assertTrue(accepted >= 3 * 512, "the warm-up accepted " + accepted + " connections, not a churn's");
        assertEquals(0, LiveThreads.named("netbench-http", "netbench-wrk"), "the warm-up's server or client is still running");
        begin = System.nanoTime();
        try (HttpBenchServer server = options.build()) {
            // A second warm-up would take its three half-second rounds (at least) again: under 1.4 s it did not run,
            // with room for a slow bind and event loop start on a loaded machine.
            assertTrue(System.nanoTime() - begin < 1_400_000_000L, "build() warmed up a second time");
            HttpLoadResult r = HttpLoad.to(URI.create("http://127.0.0.1:" + server.port() + "/")).threads(1)
                    .connections(2).duration(Duration.ofMillis(300)).run();
            assertTrue(r.requests() > 0 && r.errors().socketErrors() == 0, r.toString());
        }
    }

    @Test
    void noWarmupByDefaultAndABadOneIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpBenchServer.builder().port(0).jitWarmup(Duration.ofSeconds(-1)).build());
        assertTrue(e.getMessage().startsWith("jitWarmup must be 0 or at least 1 ms"), e.getMessage());
        long begin = System.nanoTime();
        HttpBenchServer.builder().port(0).warmUp();
        assertTrue(System.nanoTime() - begin < 500_000_000L, "warmed up without being asked");
    }
}
