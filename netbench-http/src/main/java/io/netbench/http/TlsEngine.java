package io.netbench.http;

import io.netbench.core.internal.Causes;
import io.netty.handler.ssl.OpenSsl;

/**
 * Which TLS implementation the HTTPS listener and an {@code https} load run use: BoringSSL, which
 * the jar carries (Netty's {@code netty-tcnative-boringssl-static}, for Linux x86_64 and aarch64),
 * or, where its native library cannot load (another platform, no writable native work directory),
 * the JDK's own engine. Netty chooses, once per JVM; this only says what it chose.
 *
 * <p>It matters for what an HTTPS figure measures. Against the netbench server on 2 cores, with a
 * TLS handshake per request (the real wrk, {@code -H "Connection: close"}), the JDK's engine served
 * 375–399 requests a second and BoringSSL 1539–1745; kept alive, 38–52k against 54–60k. With the
 * JDK's engine the handshake figures were the server's cost, not the network's.
 */
public final class TlsEngine {
    private TlsEngine() {
    }

    /** {@return whether TLS runs on BoringSSL} */
    public static boolean boringSsl() {
        return OpenSsl.isAvailable();
    }

    /**
     * {@return one line for people: {@code BoringSSL}, or {@code JDK (BoringSSL did not load: why)}}
     */
    public static String describe() {
        if (boringSsl()) {
            return OpenSsl.versionString();
        }
        return "JDK (BoringSSL did not load: " + Causes.firstLine(OpenSsl.unavailabilityCause()) + ")";
    }
}
