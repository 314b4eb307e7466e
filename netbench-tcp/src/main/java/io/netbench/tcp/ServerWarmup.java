package io.netbench.tcp;

import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Warms a qperf server before it listens: a {@link QperfServer} of its own on a loopback port,
 * with clients in this process running every socket test through the one-port path at once, so
 * that the JIT has compiled the server's side of each test before a real client measures it.
 */
final class ServerWarmup {
    private ServerWarmup() {
    }

    /**
     * Serves tcp_bw, tcp_lat, udp_bw and udp_lat, all at once, in rounds of a second (qperf's
     * unit) for {@code time} (at least one round), from a server with this transport and number
     * of event loops. Each test's server side is one small loop, compiled within the first round;
     * the second one runs after the first's connections closed, as a benchmark's second test does.
     */
    static void run(TransportType transport, int threads, Duration time) throws NetbenchException {
        long rounds = Math.max(1, (time.toMillis() + 500) / 1000);
        try (QperfServer server = QperfServer.builder().bindAddress(InetAddress.getLoopbackAddress().getHostAddress())
                .port(0).transport(transport).threads(threads).build()) {
            for (long i = 0; i < rounds; i++) {
                List<CompletableFuture<QperfResult>> tests = new ArrayList<>();
                for (QperfTest test : QperfTest.values()) {
                    if (test.isSocketTest()) {
                        tests.add(QperfClient.to(server.localAddress().getHostString(), server.port()).test(test)
                                .time(Duration.ofSeconds(1)).transport(transport).start());
                    }
                }
                tests.forEach(CompletableFuture::join);
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof NetbenchException n ? n : new QperfException(cause.toString(), cause);
        }
    }
}
