package io.netbench.tcp.junit;

import io.netbench.core.junit.BenchAssertions;
import io.netbench.core.junit.BenchServerExtension;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import java.util.function.UnaryOperator;

/**
 * A JUnit 5 extension that runs netbench's qperf server in the test's JVM, on a free loopback
 * port, and injects, by type, as test parameters or {@link io.netbench.core.junit.BenchInject}
 * fields: the {@link QperfServer} and a fresh {@link QperfClient} pointing at it (qperf's
 * defaults: tcp_lat, 2 s). The server is closed after the class (or the test), its threads ended.
 *
 * <pre>{@code
 * @ExtendWith(QperfExtension.class)
 * class MyStackTest {
 *     @Test
 *     void lowLatency(QperfClient client) throws Exception {
 *         QperfResult r = client.test(QperfTest.TCP_LAT).msgSize(64).time(Duration.ofSeconds(1)).run();
 *         QperfExtension.assertMeets(r, "lat < 1ms");
 *     }
 * }
 * }</pre>
 */
public final class QperfExtension extends BenchServerExtension<QperfServer> {
    private final UnaryOperator<QperfServer.Builder> configure;

    /** One server per test class, with the builder's defaults on port 0 (for {@code @ExtendWith}). */
    public QperfExtension() {
        this(false, UnaryOperator.identity());
    }

    private QperfExtension(boolean perTest, UnaryOperator<QperfServer.Builder> configure) {
        super(perTest);
        this.configure = configure;
    }

    /**
     * One server per test class.
     *
     * @param configure sets the server's options (the port is a free one whatever it sets)
     * @return the extension, for a static {@code @RegisterExtension} field
     */
    public static QperfExtension perClass(UnaryOperator<QperfServer.Builder> configure) {
        return new QperfExtension(false, configure);
    }

    /**
     * A server of its own for each test.
     *
     * @param configure sets the server's options (the port is a free one whatever it sets)
     * @return the extension, for a {@code @RegisterExtension} field
     */
    public static QperfExtension perTest(UnaryOperator<QperfServer.Builder> configure) {
        return new QperfExtension(true, configure);
    }

    /**
     * Asserts that a test's result meets every requirement: {@code "lat < 50us"}, {@code "bw > 1GB/s"}.
     *
     * @param result the test's result
     * @param requirements in {@link io.netbench.core.Threshold}'s grammar, stating what must hold
     * @throws AssertionError naming each requirement not met and its measured value
     */
    public static void assertMeets(QperfResult result, String requirements) {
        BenchAssertions.assertMeets(result.toTestResult(null), requirements);
    }

    @Override
    protected QperfServer start() {
        return configure.apply(QperfServer.builder()).port(0).bindAddress("127.0.0.1").build();
    }

    @Override
    protected Object provide(QperfServer server, Class<?> type) {
        if (type == QperfServer.class) {
            return server;
        }
        return type == QperfClient.class ? QperfClient.to("127.0.0.1", server.port()) : null;
    }
}
