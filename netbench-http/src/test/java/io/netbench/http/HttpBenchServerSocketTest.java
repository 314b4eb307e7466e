package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real sockets, once per transport. */
class HttpBenchServerSocketTest {
    @ParameterizedTest
    @EnumSource(value = TransportType.class, names = {"NIO", "EPOLL"})
    void endpointsOverTheJdkClient(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).transport(transport).build()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port();
            assertEquals("Hello, World!", get(client, base + "/").body());
            assertEquals(1_000_000, get(client, base + "/bytes/1000000").body().length());
            assertEquals(418, get(client, base + "/status/418").statusCode());
            assertEquals(404, get(client, base + "/missing").statusCode());
            assertEquals("ok\n", get(client, base + "/healthz").body());
            long begin = System.nanoTime();
            assertEquals("Hello, World!", get(client, base + "/delay/100").body());
            assertTrue(System.nanoTime() - begin >= 100_000_000L, "answered before the delay");
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, post.statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(value = TransportType.class, names = {"NIO", "EPOLL"})
    void hundredPipelinedRequestsOverARawSocket(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).transport(transport).build();
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".repeat(99)
                    .concat("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(99, all.split("Hello, World!", -1).length - 1);
            assertTrue(all.endsWith("Connection: close\r\n\r\nok\n"), all.substring(all.length() - 100));
        }
    }
}
