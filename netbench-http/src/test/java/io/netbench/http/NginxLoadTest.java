package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.Nginx;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** HttpLoad against a real nginx. */
class NginxLoadTest {
    @Test
    void closedLoopAndConstantRateAgainstNginx() throws Exception {
        try (Nginx nginx = Nginx.start()) {
            HttpLoadResult r = HttpLoad.to(URI.create(nginx.url())).threads(2).connections(20)
                    .duration(Duration.ofSeconds(1)).run();
            assertTrue(r.requests() > 1000, r.toString());
            assertEquals(r.requests(), r.statuses().get(200));
            assertEquals(0, r.errors().socketErrors());
            HttpLoadResult rated = HttpLoad.to(URI.create(nginx.url())).threads(1).connections(10).rate(2000)
                    .duration(Duration.ofSeconds(2)).run();
            assertEquals(2000, rated.requestsPerSecond(), 200);
        }
    }
}
