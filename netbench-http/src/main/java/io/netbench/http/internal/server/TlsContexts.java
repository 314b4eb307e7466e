package io.netbench.http.internal.server;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The HTTPS listener's TLS context: from PEM files, or a self-signed certificate for
 * {@code localhost} made at start (for tests and quick runs: clients must skip verification).
 * ALPN advertises {@code http/1.1} only, so HTTP/2-capable clients fall back to it.
 */
public final class TlsContexts {
    private static final ApplicationProtocolConfig HTTP_1_1 = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN, ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_1_1);

    private TlsContexts() {
    }

    /**
     * @param certificate a PEM certificate chain, or null for a self-signed certificate made now
     * @param key the PEM (PKCS#8) private key of {@code certificate}; null with it
     * @return a server context
     * @throws IllegalArgumentException if the files cannot be read or do not make a key pair, saying why
     */
    @SuppressWarnings("deprecation") // SelfSignedCertificate: Netty's replacement lives in a test-only module
    public static SslContext server(Path certificate, Path key) {
        try {
            SslContextBuilder builder;
            if (certificate == null) {
                SelfSignedCertificate self = new SelfSignedCertificate("localhost");
                builder = SslContextBuilder.forServer(self.key(), self.cert());
            } else {
                builder = SslContextBuilder.forServer(certificate.toFile(), key.toFile());
            }
            return builder.applicationProtocolConfig(HTTP_1_1).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS certificate " + certificate + " / key " + key + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }
}
