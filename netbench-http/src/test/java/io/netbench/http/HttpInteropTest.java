package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real wrk and curl against the netbench HTTP server. */
class HttpInteropTest {
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void realWrkRunsWithoutErrors() throws Exception {
        Path wrk = ExternalTools.require("wrk");
        List<String> notices = new ArrayList<>();
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).notices(notices::add).build()) {
            String out = run(wrk.toString(), "-t2", "-c50", "-d2s", "http://127.0.0.1:" + server.port() + "/");
            assertTrue(out.contains("Requests/sec:"), out);
            assertFalse(out.contains("Socket errors"), out);
            assertFalse(out.contains("Non-2xx"), out);
            assertTrue(notices.isEmpty(), notices.toString());
        }
    }

    @Test
    void curlGetsEachDocumentedEndpoint() throws Exception {
        Path curl = ExternalTools.require("curl");
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String base = "http://127.0.0.1:" + server.port();
            String format = "%{http_code} %{size_download}";
            assertEquals("200 13", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/"));
            assertEquals("200 4096", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/bytes/4096"));
            assertEquals("200 13", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/delay/10"));
            assertEquals("503 0", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/status/503"));
            assertEquals("200 3", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/healthz"));
            assertEquals("404 10", run(curl.toString(), "-s", "-o", "/dev/null", "-w", format, base + "/nope"));
        }
    }
}
