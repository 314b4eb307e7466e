package io.netbench.http.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.netbench.http.HttpBenchServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs a user's test class through the JUnit platform, as a build would, and checks what the
 * extension promises around it: a server per test when asked, closed after, no thread left behind.
 */
class ExtensionLifecycleTest {
    static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

    /** A user's class: a server of its own for each test. Run only through the launcher below. */
    static class PerTestUser {
        @RegisterExtension
        HttpBenchExtension http = HttpBenchExtension.perTest(b -> b.threads(1));

        @Test
        void first(HttpBenchServer server) {
            PORTS.add(server.port());
        }

        @Test
        void second(HttpBenchServer server) {
            PORTS.add(server.port());
        }
    }

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void eachTestGetsAServerClosedAfterItAndNoThreadOutlivesTheRun() throws Exception {
        PORTS.clear(); // the build may have run the user's class on its own before
        Set<Thread> before = threads();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PerTestUser.class)).build(), summary);
        assertEquals(2, summary.getSummary().getTestsSucceededCount(), summary.getSummary().getFailures().toString());
        assertEquals(2, PORTS.size());
        assertNotEquals(PORTS.get(0), PORTS.get(1), "a server per test");
        for (int port : PORTS) {
            assertThrows(IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
            }, "closed after its test: " + port);
        }
        Set<Thread> left = threads();
        for (int i = 0; i < 30 && !left.stream().allMatch(before::contains); i++) {
            Thread.sleep(100); // a thread that is ending may take a moment to leave the list
            left = threads();
        }
        assertEquals(Set.of(), left.stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toSet()), "threads the run left behind");
    }
}
