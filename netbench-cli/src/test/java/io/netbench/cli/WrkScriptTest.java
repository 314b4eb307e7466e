package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What wrk scripts do to a run under {@code netbench wrk}: wrk's own examples (read from where
 * Debian's wrk package puts them) and scripts written here for the API they leave out and for
 * errors.
 */
class WrkScriptTest {
    @RegisterExtension
    static final LoopbackHttpServer SERVER = new LoopbackHttpServer();

    @TempDir
    Path dir;

    /** One of wrk's examples, or the test is skipped (failed in CI) without Debian's wrk. */
    private static Path example(String name) {
        return ExternalTools.requireFile(WrkExamplesTest.EXAMPLES.resolve(name), "wrk");
    }

    private Path script(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    /** {@code netbench wrk -d1s OPTIONS -s SCRIPT URL -- SCRIPT_ARGS}, OPTIONS {@code -t2 -c4} unless they say. */
    private static CliTestSupport.Run wrk(Path script, String url, List<String> options, String... scriptArgs) {
        List<String> args = new ArrayList<>(List.of("wrk", "--jit-warmup", "0", "-d1s"));
        args.addAll(options.contains("-t1") ? List.of() : List.of("-t2", "-c4"));
        args.addAll(options);
        args.addAll(List.of("-s", script.toString(), url));
        if (scriptArgs.length > 0) {
            args.add("--");
            args.addAll(List.of(scriptArgs));
        }
        return CliTestSupport.execute(args.toArray(String[]::new));
    }

    private static String succeeds(CliTestSupport.Run run) {
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }

    private static long requests(String out) {
        Matcher m = Pattern.compile("  (\\d+) requests in").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void staticScriptsShapeTheRequestBuiltOnce() {
        String out = succeeds(wrk(example("post.lua"), SERVER.url("/status/201"), List.of("--json")));
        var test = ResultJson.read(out).tests().get(0);
        assertTrue(test.counts().get("requests") > 100, out);
        assertEquals(test.counts().get("requests"), test.counts().get("status_201"), "every request used wrk.path");
    }

    @Test
    void requestHookChangesEveryRequestAndPipelines() {
        String counter = succeeds(wrk(example("counter.lua"), SERVER.url("/"), List.of()));
        assertTrue(requests(counter) > 100 && counter.contains("Non-2xx or 3xx responses: " + requests(counter)),
                "every path /N is not found: " + counter);
        String pipeline = succeeds(wrk(example("pipeline.lua"), SERVER.url("/"), List.of()));
        assertEquals(0, requests(pipeline) % 3, "three responses per send: " + pipeline);
    }

    @Test
    void delayHookSlowsEachConnection() {
        long n = requests(succeeds(wrk(example("delay.lua"), SERVER.url("/"), List.of())));
        assertTrue(n > 20 && n < 400, "4 connections waiting 10-50 ms each for 1 s: " + n);
    }

    @Test
    void threadStopEndsEachThread() {
        long n = requests(succeeds(wrk(example("stop.lua"), SERVER.url("/"), List.of())));
        assertTrue(n >= 200 && n < 220, "two threads stop after 100 responses each: " + n);
    }

    @Test
    void setupPassesDataToAndFromTheThreads() {
        String out = succeeds(wrk(example("setup.lua"), SERVER.url("/"), List.of()));
        assertTrue(out.startsWith("thread 1 created\nthread 2 created\nRunning 1s test @ "), out);
        Matcher m = Pattern.compile("\nthread (\\d) made (\\d+) requests and got (\\d+) responses").matcher(out);
        for (int thread = 1; thread <= 2; thread++) {
            assertTrue(m.find(), out);
            assertEquals(thread, Integer.parseInt(m.group(1)), out);
            long made = Long.parseLong(m.group(2));
            long got = Long.parseLong(m.group(3));
            assertTrue(got > 0 && made >= got && made <= got + 3, "at most one request in flight per connection,"
                    + " and the first thread's check: " + out);
        }
    }

    @Test
    void doneGetsTheSummaryAndStatsObjects() throws IOException {
        Path script = script("summary.lua", """
                done = function(summary, latency, requests)
                  io.write(string.format("requests %d\\n", summary.requests))
                  local e = summary.errors
                  io.write(string.format("errors %d %d %d %d %d\\n", e.connect, e.read, e.write, e.status, e.timeout))
                  io.write(string.format("duration %s\\n", summary.duration > 900000 and "ok" or summary.duration))
                  local v, n = latency(1)
                  io.write(string.format("latency %s %s %s %s\\n", type(latency), #latency > 0, v == latency.min,
                    n > 0 and latency.max >= latency:percentile(99) and latency.mean > 0 and latency.stdev >= 0))
                  io.write(string.format("requests stats %s\\n", requests.max >= requests.min))
                end
                """);
        String out = succeeds(wrk(script, SERVER.url("/"), List.of()));
        int report = out.indexOf("Requests/sec:");
        assertTrue(report > 0 && out.indexOf("requests " + requests(out) + "\n") > report, "done() prints after"
                + " the report:\n" + out);
        assertTrue(out.contains("\nerrors 0 0 0 0 0\nduration ok\nlatency userdata true true true\n"
                + "requests stats true\n"), out);
    }

    @Test
    void initGetsTheUrlAndTheScriptArguments() throws IOException {
        Path script = script("args.lua", """
                function init(args) print(#args, args[0], args[1], args[2], wrk.headers.Host, wrk.thread.addr) end
                """);
        String out = succeeds(wrk(script, SERVER.url("/a?b"), List.of("-t1", "-c1"), "one", "two"));
        String host = "127.0.0.1:" + SERVER.port();
        assertTrue(out.startsWith("2\thttp://" + host + "/a?b\tone\ttwo\t" + host + "\t" + host + "\n"), out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "setup|function setup(thread)|error('in setup')|in setup",
        "init|function init(args)|local x = args.nothing + 1|attempt to perform arithmetic",
        "delay|function delay()|error('in delay')|in delay",
        "request|function request()|return nosuch.field|attempt to index",
        "response|function response(status, headers, body)|error({})|table:",
    })
    void aHookErrorNamesTheScriptAndLine(String hook, String header, String line, String message) throws IOException {
        Path script = script(hook + ".lua", "-- fails in " + hook + "\n" + header + "\n  " + line + "\nend\n");
        assertOneLineError(wrk(script, SERVER.url("/"), List.of()), 1, "wrk: " + hook + ".lua:3: " + message);
    }

    private static void assertOneLineError(CliTestSupport.Run run, int exitCode, String start) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aFailingDoneStillLeavesTheResults() throws IOException {
        Path script = script("done.lua", "function done(summary, latency, requests)\n  error('in done')\nend\n");
        CliTestSupport.Run printed = wrk(script, SERVER.url("/"), List.of());
        assertEquals(1, printed.exitCode(), printed.err());
        assertEquals("wrk: done.lua:2: in done\n", printed.err());
        assertTrue(printed.out().contains("\nRequests/sec: "), printed.out());
        Path json = dir.resolve("result.json");
        CliTestSupport.Run saved = wrk(script, SERVER.url("/"), List.of("--json", "-o", json.toString()));
        assertEquals(1, saved.exitCode(), saved.err());
        assertTrue(ResultJson.read(Files.readString(json)).tests().get(0).counts().get("requests") > 0);
        Path text = dir.resolve("result.txt");
        assertEquals(1, wrk(script, SERVER.url("/"), List.of("-o", text.toString())).exitCode());
        assertTrue(Files.readString(text).contains("\nRequests/sec: "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "syntax|x = = 1|syntax.lua:2: ",
        "loading|local t = nil; t.x = 1|loading.lua:2: ",
        "ffi|local ffi = require('ffi')|ffi.lua:2: LuaJIT's ffi library is not supported by netbench (",
        "jit|function init(args) jit.off() end|jit.lua:2: jit.off is not supported by netbench (",
    })
    void aScriptThatCannotRunHereIsBadInput(String name, String source, String message) throws IOException {
        CliTestSupport.Run run = wrk(script(name + ".lua", "-- cannot run\n" + source + "\n"), SERVER.url("/"), List.of());
        assertOneLineError(run, 2, "wrk: " + message);
        assertTrue(run.out().isEmpty(), "nothing runs: " + run.out());
    }

    @Test
    void scriptOutputGoesToStderrWithJson() throws IOException {
        Path script = script("print.lua", "print('from the script')\n");
        CliTestSupport.Run run = wrk(script, SERVER.url("/"), List.of("-t1", "-c1", "--json"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(ResultJson.read(run.out()).tests().get(0).counts().get("requests") > 0, run.out());
        assertTrue(run.err().contains("from the script\n"), run.err());
    }
}
