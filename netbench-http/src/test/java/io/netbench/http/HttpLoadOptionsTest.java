package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netbench.core.TransportType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLoadOptionsTest {
    private static final URI TARGET = URI.create("https://example.test/x?y=1");

    private static HttpLoad full() {
        return HttpLoad.to(TARGET).threads(3).connections(30).duration(Duration.ofSeconds(7))
                .warmup(Duration.ofSeconds(1)).jitWarmup(Duration.ofMillis(500)).timeout(Duration.ofSeconds(3))
                .rate(900).pipeline(4).method("POST").header("X-A: 1").header("X-B: 2").body(new byte[] {1, 2, 3})
                .insecure(true).transport(TransportType.NIO);
    }

    @Test
    void theBuilderMakesAnImmutableValueAndLikeCopiesItBack() {
        HttpLoadOptions options = full().options();
        assertEquals(443, options.port());
        byte[] body = options.body();
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, options.body(), "the body is copied out");
        assertEquals(options, HttpLoad.to(TARGET).header("X-Old: 0").like(options).options());
        assertEquals(options.hashCode(), full().options().hashCode());
        assertNotEquals(options, full().body(new byte[] {1, 2, 4}).options());
        assertEquals(URI.create("http://other/"), HttpLoad.to(URI.create("http://other/")).like(options).options().uri());
    }

    @Test
    void eachBadOptionIsNamed() {
        assertBad("threads must be >= 1: 0", full().threads(0));
        assertBad("number of connections must be >= threads", full().connections(2));
        assertBad("duration must be positive: 0s", full().duration(Duration.ZERO));
        assertBad("warmup must be >= 0: -1s", full().warmup(Duration.ofSeconds(-1)));
        assertBad("timeout must be positive: null", full().timeout(null));
        assertBad("rate must be >= 0: -1", full().rate(-1));
        assertBad("pipeline must be 1..1024: 1025", full().pipeline(1025));
        assertBad("method must be an upper-case token: get", full().method("get"));
        assertBad("invalid URL: ftp://x/ (expected http://host[:port]/path or https://...)",
                HttpLoad.to(URI.create("ftp://x/")));
        assertBad("port 0: expected a port 1..65535", HttpLoad.to(URI.create("http://x:0/")));
        assertBad("port 65536: expected a port 1..65535", HttpLoad.to(URI.create("http://x:65536/")));
    }

    private static void assertBad(String message, HttpLoad load) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, load::options).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, load::start).getMessage(),
                "start() names it at once");
    }
}
