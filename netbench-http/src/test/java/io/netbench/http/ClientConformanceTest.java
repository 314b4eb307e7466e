package io.netbench.http;

import static io.netbench.http.HttpInteropTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP target against the clients users point at it (#22), plain and HTTPS where the client
 * can: ApacheBench with and without keep-alive, curl (GET, HEAD, HTTP/1.0, 2 MB POSTs with and
 * without {@code Expect}, a chunked upload), h2load {@code --h1} with pipelining, wrk, and Python's
 * {@code http.client}. Every case asserts the responses, and that nothing stalls: each client is
 * bounded by a timeout that fails the test (a missing {@code 100 Continue} or a missing close runs
 * into it), and requests that curl and ab time must also take less than {@link #STALL_SECONDS}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientConformanceTest {
    /**
     * Far above a request on a loaded 2-core machine shared with other builds (0.8 s seen there, once),
     * and still below the stalls this suite is about: curl here waits up to 30 s for a {@code 100 Continue}
     * and gives up after 10 s in all ({@code --max-time}), ab after 10 s ({@code -s}), so a missing
     * {@code 100 Continue} or a missing close fails the case on the client's timeout as well as on this.
     */
    private static final double STALL_SECONDS = 3.0;
    private HttpBenchServer server;

    @BeforeAll
    void start() {
        server = HttpBenchServer.builder().port(0).httpsPort(0).threads(2).build();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String base(String scheme) {
        int port = scheme.equals("https") ? server.httpsPort().getAsInt() : server.port();
        return scheme + "://localhost:" + port;
    }

    @ParameterizedTest
    @ValueSource(strings = {"-k", "no keep-alive"})
    void apacheBench(String keepAlive) throws Exception {
        String ab = ExternalTools.require("ab").toString();
        String out = keepAlive.equals("-k") ? run(ab, "-k", "-n", "2000", "-c", "8", "-s", "10", base("http") + "/")
                : run(ab, "-n", "2000", "-c", "8", "-s", "10", base("http") + "/");
        assertTrue(out.contains("Complete requests:      2000"), out);
        assertTrue(out.contains("Failed requests:        0"), out);
        if (keepAlive.equals("-k")) {
            assertTrue(out.contains("Keep-Alive requests:    2000"), out);
        }
        Matcher longest = Pattern.compile("100%\\s+(\\d+) \\(longest request\\)").matcher(out);
        assertTrue(longest.find(), out);
        assertTrue(Integer.parseInt(longest.group(1)) < STALL_SECONDS * 1000, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void curl(String scheme, @TempDir Path dir) throws Exception {
        Path body = Files.write(dir.resolve("body"), new byte[2 << 20]);
        String url = base(scheme) + "/";
        curlCase("200 13 1.1", url, "-o", "/dev/null");
        curlCase("200 0 1.1", url, "-I", "-o", "/dev/null");
        curlCase("200 13 1.1", url, "-0", "-o", "/dev/null"); // answered as HTTP/1.1, like nginx
        curlCase("200 13 1.1", url, "-o", "/dev/null", "--data-binary", "@" + body);
        curlCase("200 13 1.1", url, "-o", "/dev/null", "--data-binary", "@" + body, "-H", "Expect:");
        curlCase("200 13 1.1", url, "-o", "/dev/null", "--data-binary", "@" + body, "-H",
                "Transfer-Encoding: chunked");
        curlCase("417 19 1.1", url, "-o", "/dev/null", "-d", "x", "-H", "Expect: teapot");
    }

    /** One curl request: its status, size and version as expected, in less than {@link #STALL_SECONDS}. */
    private static void curlCase(String expected, String url, String... options) throws Exception {
        String curl = ExternalTools.require("curl").toString();
        // A 30 s wait for 100 Continue (curl's default: 1 s) turns a missing one into a failure whatever the load.
        String[] command = new String[options.length + 8];
        command[0] = curl;
        command[1] = "-sk";
        command[2] = "--max-time";
        command[3] = "10";
        command[4] = "--expect100-timeout";
        command[5] = "30";
        command[6] = "-w";
        command[7] = "%{http_code} %{size_download} %{http_version} %{time_total}";
        System.arraycopy(options, 0, command, 8, options.length);
        String out = run(append(command, url)).trim();
        String[] fields = out.split(" ");
        assertEquals(expected, fields[0] + " " + fields[1] + " " + fields[2], String.join(" ", options) + ": " + out);
        assertTrue(Double.parseDouble(fields[3]) < STALL_SECONDS, String.join(" ", options) + " stalled: " + out);
    }

    private static String[] append(String[] command, String last) {
        String[] all = java.util.Arrays.copyOf(command, command.length + 1);
        all[command.length] = last;
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void h2loadPipelined(String scheme) throws Exception {
        String h2load = ExternalTools.require("h2load").toString();
        String out = run(h2load, "--h1", "-n", "20000", "-c", "20", "-m", "10", "-T", "10", base(scheme) + "/");
        assertTrue(out.contains("requests: 20000 total, 20000 started, 20000 done, 20000 succeeded, 0 failed,"
                + " 0 errored, 0 timeout"), out);
        assertTrue(out.contains("status codes: 20000 2xx"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void wrk(String scheme) throws Exception {
        String wrk = ExternalTools.require("wrk").toString();
        String out = run(wrk, "-t2", "-c20", "-d1s", "--timeout", "2s", base(scheme) + "/");
        assertTrue(out.contains("Requests/sec:"), out);
        assertTrue(!out.contains("Socket errors") && !out.contains("Non-2xx"), out);
    }

    @Test
    void pythonHttpClient() throws Exception {
        String python = ExternalTools.require("python3").toString();
        String script = String.join("\n",
                "import http.client, ssl, sys",
                "for conn in (http.client.HTTPConnection('localhost', int(sys.argv[1]), timeout=5),",
                "             http.client.HTTPSConnection('localhost', int(sys.argv[2]), timeout=5,",
                "                                         context=ssl._create_unverified_context())):",
                "    for method, path, body in (('GET', '/', None), ('HEAD', '/', None),",
                "                               ('POST', '/', b'x' * 100000), ('GET', '/bytes/70000', None),",
                "                               ('GET', '/status/404', None), ('GET', '/delay/5', None)):",
                "        conn.request(method, path, body)",
                "        r = conn.getresponse()",
                "        print(method, path, r.status, len(r.read()), r.version)",
                "    print('reused', conn.sock is not None)",
                "    conn.close()");
        String out = run(python, "-c", script, String.valueOf(server.port()),
                String.valueOf(server.httpsPort().getAsInt()));
        String each = "GET / 200 13 11\nHEAD / 200 0 11\nPOST / 200 13 11\nGET /bytes/70000 200 70000 11\n"
                + "GET /status/404 404 0 11\nGET /delay/5 200 13 11\nreused True\n";
        assertEquals(each + each, out);
    }
}
