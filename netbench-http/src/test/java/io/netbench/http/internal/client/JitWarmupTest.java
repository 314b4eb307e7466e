package io.netbench.http.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.core.TransportType;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadOptions;
import io.netbench.http.WrkScript;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitWarmupTest {
    @Test
    void theWarmupSendsTheRunsRequestsClosedLoopToItsOwnServer() {
        HttpLoadOptions run = HttpLoad.to(URI.create("https://target.test:8443/a")).threads(2).connections(5000)
                .duration(Duration.ofMinutes(1)).warmup(Duration.ofSeconds(5)).jitWarmup(Duration.ofSeconds(2))
                .timeout(Duration.ofSeconds(4)).rate(10_000).pipeline(8).method("PUT").header("X-A: 1")
                .body(new byte[] {7}).insecure(true).transport(TransportType.NIO)
                .script(WrkScript.of("s.lua", "", List.of(), System.out)).options();
        URI loopback = URI.create("http://127.0.0.1:1234/");
        HttpLoadOptions expected = HttpLoad.to(loopback).threads(2).connections(100).duration(Duration.ofSeconds(2))
                .timeout(Duration.ofSeconds(4)).pipeline(8).method("PUT").header("X-A: 1").body(new byte[] {7})
                .transport(TransportType.NIO).options();
        assertEquals(expected, JitWarmup.options(run, loopback));
        assertEquals(4, JitWarmup.options(HttpLoad.to(loopback).threads(4).connections(4)
                .jitWarmup(Duration.ofSeconds(1)).options(), loopback).connections(), "at least one per thread");
    }
}
