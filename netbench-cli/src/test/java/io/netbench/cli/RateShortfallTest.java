package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.TestResult;
import io.netbench.http.HttpBenchServer;
import org.junit.jupiter.api.Test;

/** -R that the target cannot sustain: wrk2 stays silent; netbench says so on stderr and in the JSON. */
class RateShortfallTest {
    @Test
    void aRateNotAchievedIsSaid() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            // two connections to a target that takes 100 ms per response: at most 20 req/s of the 200 asked
            String slow = "http://127.0.0.1:" + server.port() + "/delay/100";
            CliTestSupport.Run run = CliTestSupport.execute("wrk", "-t1", "-c2", "-d2", "-R", "200", "--jit-warmup", "0",
                    "--json", slow);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().matches("(?s)wrk: warning: -R 200 asked, \\d+\\.\\d\\d req/s achieved \\(\\d+ %\\): the"
                    + " target or this client could not keep up.*\n"), run.err());
            TestResult json = ResultJson.read(run.out()).tests().get(0);
            assertEquals(1L, json.counts().get("rate_shortfall"), json.counts().toString());
            // 5 s, not 2: at 20 req/s a late start or a stalled second on a loaded machine costs a smaller share of the
            // requests, so only a real shortfall comes under the 90 % mark.
            CliTestSupport.Run kept = CliTestSupport.execute("wrk", "-t1", "-c2", "-d5", "-R", "20", "--jit-warmup", "0",
                    "--json", "http://127.0.0.1:" + server.port() + "/");
            assertEquals("", kept.err());
            assertEquals(0L, ResultJson.read(kept.out()).tests().get(0).counts().get("rate_shortfall"));
        }
    }
}
