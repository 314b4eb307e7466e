package io.netbench.http.internal.client;

import io.netbench.http.HttpLoadException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;

/** The TLS context of an {@code https} run: the JDK's trusted certificates, or any with {@code insecure}. */
final class ClientTls {
    private ClientTls() {
    }

    /**
     * {@return a client context}
     *
     * @param insecure accept any certificate (like {@code curl -k})
     * @throws HttpLoadException if this JVM cannot set TLS up
     */
    static SslContext context(boolean insecure) throws HttpLoadException {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (insecure) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new HttpLoadException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
