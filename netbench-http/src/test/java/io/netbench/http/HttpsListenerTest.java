package io.netbench.http;

import static io.netbench.http.HttpInteropTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netbench.core.testing.ExternalTools;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTTPS listener: the same endpoints over TLS, per transport, with a self-signed or a given certificate. */
class HttpsListenerTest {
    @ParameterizedTest
    @EnumSource(TransportType.class)
    void servesTheSameEndpointsOverTls(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).httpsPort(0).threads(1).transport(transport)
                .build()) {
            assertTrue(server.httpsPort().isPresent());
            URI uri = URI.create("https://localhost:" + server.httpsPort().getAsInt() + "/bytes/100");
            HttpLoadResult result = HttpLoad.to(uri).threads(1).connections(2).insecure(true)
                    .warmup(Duration.ofSeconds(2)).duration(Duration.ofMillis(500)).run();
            assertTrue(result.requests() > 10, result.toString());
            assertEquals(0, result.errors().total(), result.toString());
            assertEquals("BoringSSL", result.toTestResult(transport.displayName()).params().get("tls"));
        }
    }

    @Test
    void noHttpsUnlessAsked() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            assertTrue(server.httpsPort().isEmpty());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void servesAGivenPemCertificateWithAlpnHttp11() throws Exception {
        String curl = ExternalTools.require("curl").toString();
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).httpsPort(0).threads(1)
                .tls(cert.certificate().toPath(), cert.privateKey().toPath()).build()) {
            // Verified against that certificate, not -k; --http2 asks for h2 and gets http/1.1 from ALPN.
            String out = run(curl, "-s", "--max-time", "10", "--http2", "--cacert", cert.certificate().getPath(),
                    "-w", " %{http_code} %{http_version}", "https://localhost:" + server.httpsPort().getAsInt() + "/");
            assertEquals("Hello, World! 200 1.1", out);
        } finally {
            cert.delete();
        }
    }

    /**
     * A client that keeps its session resumes it (BoringSSL's TLS 1.3 tickets name a session in the
     * server's cache; Netty leaves stateless tickets off, and turning them on changed nothing here).
     */
    @Test
    void aSecondConnectionResumesTheFirstOnesSession(@TempDir Path dir) throws Exception {
        String openssl = ExternalTools.require("openssl").toString();
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).httpsPort(0).threads(1).build()) {
            String connect = "127.0.0.1:" + server.httpsPort().getAsInt();
            Path session = dir.resolve("session.pem");
            String first = request(openssl, "s_client", "-connect", connect, "-sess_out", session.toString());
            assertTrue(first.contains("\nNew, TLSv1.3") && first.contains("Hello, World!"), first);
            String second = request(openssl, "s_client", "-connect", connect, "-sess_in", session.toString());
            assertTrue(second.contains("\nReused, TLSv1.3") && second.contains("Hello, World!"), second);
        }
    }

    /** Runs {@code command} with one request (then Connection: close) on its standard input: its output. */
    private static String request(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("-ign_eof"); // reads on until the server closes: the session ticket arrives after the handshake
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        try {
            p.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl s_client did not finish");
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void unreadableCertificateIsABadOption(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpBenchServer.builder()
                .port(0).httpsPort(0).tls(junk, junk).build());
        assertTrue(e.getMessage().startsWith("TLS certificate " + junk + " / key " + junk + ": "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpBenchServer.builder().port(0).tls(junk, junk).build());
    }
}
