package io.netbench.http;

import static io.netbench.http.HttpInteropTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
import io.netbench.core.testing.ExternalTools;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTTPS listener: the same endpoints over TLS, per transport, with a self-signed or a given certificate. */
class HttpsListenerTest {
    @ParameterizedTest
    @EnumSource(value = TransportType.class, names = {"NIO", "EPOLL"})
    void servesTheSameEndpointsOverTls(TransportType transport) throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).httpsPort(0).threads(1).transport(transport)
                .build()) {
            assertTrue(server.httpsPort().isPresent());
            URI uri = URI.create("https://localhost:" + server.httpsPort().getAsInt() + "/bytes/100");
            HttpLoadResult result = HttpLoad.to(uri).threads(1).connections(2).insecure(true)
                    .warmup(Duration.ofSeconds(2)).duration(Duration.ofMillis(500)).run();
            assertTrue(result.requests() > 10, result.toString());
            assertEquals(0, result.errors().total(), result.toString());
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

    @Test
    void unreadableCertificateIsABadOption(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpBenchServer.builder()
                .port(0).httpsPort(0).tls(junk, junk).build());
        assertTrue(e.getMessage().startsWith("TLS certificate " + junk + " / key " + junk + ": "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpBenchServer.builder().port(0).tls(junk, junk).build());
    }
}
