package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.http.HttpBenchServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** wrk Lua scripts (fixtures written for netbench, equivalents of wrk's samples) against the netbench server. */
class WrkScriptTest {
    private static HttpBenchServer server;

    @BeforeAll
    static void start() {
        server = HttpBenchServer.builder().port(0).threads(1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs {@code wrk -t2 -c4 -d1 OPTIONS -s SCRIPT URL -- SCRIPT_ARGS}; it must succeed. */
    private static CliTestSupport.Run wrk(String script, List<String> options, String... scriptArgs) {
        List<String> args = new ArrayList<>(List.of("wrk", "-t2", "-c4", "-d1"));
        args.addAll(options);
        args.addAll(List.of("-s", "src/test/resources/lua/" + script, "http://127.0.0.1:" + server.port() + "/"));
        if (scriptArgs.length > 0) {
            args.add("--");
            args.addAll(List.of(scriptArgs));
        }
        CliTestSupport.Run run = CliTestSupport.execute(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static long requests(String out) {
        Matcher m = Pattern.compile("  (\\d+) requests in").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void staticScriptsShapeTheRequestBuiltOnce() {
        String out = wrk("post.lua", List.of("--json")).out();
        var test = io.netbench.core.ResultJson.read(out).tests().get(0);
        assertTrue(test.counts().get("requests") > 100, out);
        assertEquals(test.counts().get("requests"), test.counts().get("status_201"), "every request used wrk.path");
    }

    @Test
    void requestHookChangesEveryRequestAndPipelines() {
        String counter = wrk("counter.lua", List.of()).out();
        assertTrue(requests(counter) > 100 && !counter.contains("Non-2xx"), counter);
        String pipeline = wrk("pipeline.lua", List.of()).out();
        assertEquals(0, requests(pipeline) % 3, "three responses per send: " + pipeline);
    }

    @Test
    void delayHookSlowsEachConnection() {
        long n = requests(wrk("delay.lua", List.of()).out());
        assertTrue(n > 50 && n < 900, "4 connections waiting 5-15 ms each: " + n);
    }

    @Test
    void doneGetsSummaryAndStatsAfterTheReport() {
        String out = wrk("report.lua", List.of()).out();
        int report = out.indexOf("Requests/sec:");
        int done = out.indexOf("requests " + requests(out) + "\n");
        assertTrue(report > 0 && done > report, "done() prints after wrk's report:\n" + out);
        assertTrue(out.contains("errors 0 0 0 0 0\n"), out);
        assertTrue(Pattern.compile("\n99%,\\d+\n").matcher(out).find(), out);
        assertTrue(Pattern.compile("\ndistinct [1-9]\\d* first \\d+\n").matcher(out).find(), out);
    }

    @Test
    void setupInitResponseAndThreadStateAreIsolated() {
        String out = wrk("setup.lua", List.of(), "tagged").out();
        assertTrue(out.contains("thread 1 tagged saw responses\nthread 2 tagged saw responses\n"), out);
    }

    @Test
    void threadStopEndsEachThread() {
        long n = requests(wrk("stop.lua", List.of()).out());
        assertTrue(n >= 200 && n < 220, "two threads stop after 100 responses each: " + n);
    }

    /** The lines a script's done() printed (after wrk's report), numbers blanked. */
    private static List<String> doneShape(String output) {
        String after = output.substring(output.indexOf("Transfer/sec:"));
        return after.lines().skip(1).map(l -> l.replaceAll("\\d+", "N")).toList();
    }

    @Test
    void doneOutputMatchesRealWrk() throws Exception {
        java.nio.file.Path realWrk = io.netbench.core.testing.ExternalTools.require("wrk");
        try (io.netbench.core.testing.Nginx nginx = io.netbench.core.testing.Nginx.start()) {
            for (String script : new String[] {"report.lua", "setup.lua"}) {
                String path = "src/test/resources/lua/" + script;
                Process real = new ProcessBuilder(realWrk.toString(), "-t2", "-c4", "-d1s", "-s", path, nginx.url(),
                        "--", "tagged").redirectErrorStream(true).start();
                assertTrue(real.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
                String expected = new String(real.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                CliTestSupport.Run ours = CliTestSupport.execute("wrk", "-t2", "-c4", "-d1s", "-s", path, nginx.url(),
                        "--", "tagged");
                assertEquals(0, ours.exitCode(), ours.err());
                assertEquals(doneShape(expected), doneShape(ours.out()), script + "\nwrk:\n" + expected
                        + "\nnetbench:\n" + ours.out());
            }
        }
    }

    @Test
    void scriptErrorsAreOneLineWithTheLine() {
        CliTestSupport.Run run = CliTestSupport.execute("wrk", "-t1", "-c1", "-d2", "-s",
                "src/test/resources/lua/broken.lua", "http://127.0.0.1:" + server.port() + "/");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("wrk: broken.lua:2 "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
