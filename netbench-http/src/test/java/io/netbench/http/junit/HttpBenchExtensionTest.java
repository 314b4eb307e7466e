package io.netbench.http.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.junit.BenchInject;
import io.netbench.http.HttpBenchServer;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadResult;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as a user writes it: a server per class, parameters and fields, assertions that read like thresholds. */
@ExtendWith(HttpBenchExtension.class)
class HttpBenchExtensionTest {
    @BenchInject
    static HttpBenchServer classServer;

    @BenchInject
    URI uri;

    private static HttpLoadResult shortLoad(HttpLoad load) throws Exception {
        return load.threads(1).connections(4).duration(Duration.ofMillis(500)).run();
    }

    @Test
    void injectsTheServerItsUriAndALoadPointingAtIt(HttpBenchServer server, HttpLoad load) throws Exception {
        assertSame(classServer, server, "one server for the class");
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), uri);
        HttpLoadResult result = shortLoad(load);
        HttpBenchExtension.assertMeets(result, "errors == 0, rps > 100, p99 < 1s");
        assertEquals(uri, result.uri());
    }

    @Test
    void aRequirementNotMetSaysWhichAndWhatWasMeasured(HttpLoad load) throws Exception {
        HttpLoadResult result = shortLoad(load);
        AssertionError e = assertThrows(AssertionError.class,
                () -> HttpBenchExtension.assertMeets(result, "rps > 10M, p99 < 1ns, errors == 0"));
        assertTrue(e.getMessage().startsWith("rps>10M not met: rps = "), e.getMessage());
        assertTrue(e.getMessage().contains("; p99<1ns not met: p99 = "), e.getMessage());
        assertTrue(!e.getMessage().contains("errors==0"), "the met requirement is not named: " + e.getMessage());
        AssertionError missing = assertThrows(AssertionError.class,
                () -> HttpBenchExtension.assertMeets(result, "msg_rate > 1"));
        assertTrue(missing.getMessage().startsWith("msg_rate>1: wrk http has no figure msg_rate"), missing.getMessage());
    }
}
