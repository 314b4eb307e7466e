package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AdminServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(AdminServer admin, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUnavailableUntilReadyThenOk() throws Exception {
        int port;
        try (AdminServer admin = AdminServer.start("127.0.0.1", 0, TransportType.defaultType(), notice -> { })) {
            port = admin.port();
            HttpResponse<String> warming = get(admin, "GET", "/healthz");
            assertEquals(503, warming.statusCode());
            assertEquals("warming up\n", warming.body());
            admin.ready();
            HttpResponse<String> ok = get(admin, "GET", "/healthz?probe=1");
            assertEquals(200, ok.statusCode());
            assertEquals("ok\n", ok.body());
            HttpResponse<String> head = get(admin, "HEAD", "/healthz");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            HttpResponse<String> missing = get(admin, "GET", "/");
            assertEquals(404, missing.statusCode());
            assertEquals("Not Found\n", missing.body(), "the benchmark port's 404 body");
            assertEquals(404, get(admin, "POST", "/healthz").statusCode());
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "still listening after close");
    }

    /** A probe is answered while other clients hold half a request, or nothing, open (a blocking server stalls). */
    @Test
    void aClientWithHalfARequestDoesNotHoldUpProbes() throws Exception {
        try (AdminServer admin = AdminServer.start("127.0.0.1", 0, TransportType.defaultType(), notice -> { });
             Socket half = new Socket("127.0.0.1", admin.port());
             Socket silent = new Socket("127.0.0.1", admin.port())) {
            admin.ready();
            half.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, get(admin, "GET", "/healthz").statusCode()); // get() gives up after 5 s
        }
    }

    /** Past its 256 connections the admin port closes new ones, and says so as the admin port, not as --max-connections. */
    @Test
    void aFloodOfConnectionsIsLimitedAndNamedAsTheAdminPorts() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        List<Socket> flood = new ArrayList<>();
        try (AdminServer admin = AdminServer.start("127.0.0.1", 0, TransportType.defaultType(), notices::add)) {
            for (int i = 0; i < 300; i++) {
                flood.add(new Socket("127.0.0.1", admin.port()));
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (notices.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(List.of("admin: connection limit 256 reached; closing new connections (a client floods the"
                    + " admin port: probes come a few at a time)"), notices);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    @Test
    void badOptionsAndTakenPortsAreNamed() throws Exception {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> AdminServer.start(null, 70000, TransportType.defaultType(), notice -> { }));
        assertEquals("admin port 70000: expected a port 0..65535", port.getMessage());
        try (AdminServer first = AdminServer.start("127.0.0.1", 0, TransportType.defaultType(), notice -> { })) {
            IllegalStateException taken = assertThrows(IllegalStateException.class,
                    () -> AdminServer.start("127.0.0.1", first.port(), TransportType.defaultType(), notice -> { }));
            assertTrue(taken.getMessage().startsWith("cannot listen on admin 127.0.0.1:" + first.port() + ": "),
                    taken.getMessage());
        }
    }
}
