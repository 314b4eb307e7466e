package io.netbench.http.junit;

import io.netbench.core.junit.BenchAssertions;
import io.netbench.core.junit.BenchServerExtension;
import io.netbench.http.HttpBenchServer;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadResult;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * A JUnit 5 extension that runs netbench's HTTP target server in the test's JVM, on a free
 * loopback port, and injects, by type, as test parameters or {@link io.netbench.core.junit.BenchInject}
 * fields: the {@link HttpBenchServer}, its {@link URI} ({@code http://127.0.0.1:PORT/}), and a fresh
 * {@link HttpLoad} pointing at it (the library's defaults otherwise: set threads, connections and
 * duration). The server is closed after the class (or the test), its event loops ended.
 *
 * <pre>{@code
 * @ExtendWith(HttpBenchExtension.class)
 * class MyServiceTest {
 *     @Test
 *     void keepsUp(HttpLoad load) throws Exception {
 *         HttpLoadResult r = load.connections(8).duration(Duration.ofSeconds(1)).run();
 *         HttpBenchExtension.assertMeets(r, "p99 < 50ms, errors == 0, rps > 1000");
 *     }
 * }
 * }</pre>
 *
 * Or, to configure the server or have one per test:
 * {@code @RegisterExtension static HttpBenchExtension http = HttpBenchExtension.perTest(b -> b.threads(1));}
 */
public final class HttpBenchExtension extends BenchServerExtension<HttpBenchServer> {
    private final UnaryOperator<HttpBenchServer.Builder> configure;

    /** One server per test class, with the builder's defaults on port 0 (for {@code @ExtendWith}). */
    public HttpBenchExtension() {
        this(false, UnaryOperator.identity());
    }

    private HttpBenchExtension(boolean perTest, UnaryOperator<HttpBenchServer.Builder> configure) {
        super(perTest);
        this.configure = configure;
    }

    /**
     * One server per test class.
     *
     * @param configure sets the server's options (the port is a free one whatever it sets)
     * @return the extension, for a static {@code @RegisterExtension} field
     */
    public static HttpBenchExtension perClass(UnaryOperator<HttpBenchServer.Builder> configure) {
        return new HttpBenchExtension(false, configure);
    }

    /**
     * A server of its own for each test.
     *
     * @param configure sets the server's options (the port is a free one whatever it sets)
     * @return the extension, for a {@code @RegisterExtension} field
     */
    public static HttpBenchExtension perTest(UnaryOperator<HttpBenchServer.Builder> configure) {
        return new HttpBenchExtension(true, configure);
    }

    /**
     * Asserts that a load's result meets every requirement: {@code "p99 < 5ms, errors == 0, rps > 1000"}.
     *
     * @param result the load's result
     * @param requirements in {@link io.netbench.core.Threshold}'s grammar, stating what must hold
     * @throws AssertionError naming each requirement not met and its measured value
     */
    public static void assertMeets(HttpLoadResult result, String requirements) {
        BenchAssertions.assertMeets(result.toTestResult(null), requirements);
    }

    @Override
    protected HttpBenchServer start() {
        return configure.apply(HttpBenchServer.builder()).port(0).bindAddress("127.0.0.1").build();
    }

    @Override
    protected Object provide(HttpBenchServer server, Class<?> type) {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
        if (type == HttpBenchServer.class) {
            return server;
        }
        if (type == URI.class) {
            return uri;
        }
        return type == HttpLoad.class ? HttpLoad.to(uri) : null;
    }
}
