package io.netbench.http;

import io.netbench.core.AbstractServerBuilder;
import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.ServerSkeleton;
import io.netbench.http.internal.client.Loopback;
import io.netbench.http.internal.server.FileDescriptors;
import io.netbench.http.internal.server.HttpBootstrap;
import io.netbench.http.internal.server.HttpServerInitializer;
import io.netbench.http.internal.server.TlsContexts;
import io.netbench.http.internal.server.WarmupRounds;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The HTTP/1.1 target of netbench: what {@code wrk} is pointed at, so a pod needs no nginx.
 *
 * <p>Endpoints: {@code /} answers {@code 200 Hello, World!} (13 bytes, the classic plaintext
 * target); {@code /bytes/{n}} n bytes (n ≤ 64 MiB); {@code /delay/{ms}} Hello after ms
 * milliseconds (≤ 60 s, without blocking the event loop); {@code /status/{code}} an empty
 * response with that status (200..599); {@code /healthz} {@code 200 ok} for Kubernetes probes;
 * anything else 404. Keep-alive and pipelining (responses in order, one flush per read batch),
 * HTTP/1.0 (kept open with {@code Connection: keep-alive}) and {@code Connection: close}, HEAD,
 * {@code Expect: 100-continue} (other expectations 417; bodies are read and dropped, up to 1 GiB,
 * 413 beyond); malformed requests get 400 (431 for oversized heads) and the connection is closed.
 * {@link Builder#httpsPort(int)} adds an HTTPS listener with the same endpoints. {@link Builder#jitWarmup(Duration)} makes it warm before it
 * listens.
 *
 * <pre>{@code
 * try (HttpBenchServer server = HttpBenchServer.builder().port(0).build()) {
 *     URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
 * }
 * }</pre>
 */
public final class HttpBenchServer implements AutoCloseable {
    /** The default HTTP port. */
    public static final int DEFAULT_PORT = 8080;
    /** Connections of the JIT warm-up's keep-alive rounds: wrk's usual 100. */
    private static final int WARMUP_CONNECTIONS = 100;
    /** Connections of its {@code Connection: close} rounds: above a listener's accepts per turn, as wrk's bursts. */
    private static final int WARMUP_CHURN_CONNECTIONS = 2 * ServerSkeleton.ACCEPTS_PER_TURN;
    /** One round of the JIT warm-up: its connections close at the end of each. */
    private static final Duration WARMUP_ROUND = Duration.ofMillis(500);

    private final ServerSkeleton skeleton;
    private final Channel listener;
    private final Channel tlsListener;
    private final HttpServerInitializer initializer;
    private final TransportType transport;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int maxConnections;

    private HttpBenchServer(ServerSkeleton skeleton, Channel listener, Channel tlsListener,
                            HttpServerInitializer initializer, TransportType transport, int maxConnections) {
        this.maxConnections = maxConnections;
        this.skeleton = skeleton;
        this.listener = listener;
        this.tlsListener = tlsListener;
        this.initializer = initializer;
        this.transport = transport;
    }

    /** {@return a builder of a server, with the defaults of each option} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the port the server listens on (the one chosen when it was asked for port 0)} */
    public int port() {
        return localAddress().getPort();
    }

    /** {@return the HTTPS listener's port (the one chosen when it was asked for port 0), if it has one} */
    public OptionalInt httpsPort() {
        return tlsListener == null ? OptionalInt.empty()
                : OptionalInt.of(((InetSocketAddress) tlsListener.localAddress()).getPort());
    }

    /** {@return the address and port the server listens on} */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** {@return the transport of the server's event loops} */
    public TransportType transport() {
        return transport;
    }

    /** {@return the connection limit: connections beyond it are closed at once} */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@return the connections open now} */
    public int openConnections() {
        return initializer.openConnections();
    }

    /** Stops listening and closes every connection, waiting a second at most for them; again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            skeleton.close();
            initializer.close();
        }
    }

    /** Options of an {@link HttpBenchServer}; {@link #build()} validates them and starts it. */
    public static final class Builder extends AbstractServerBuilder<Builder> {
        private Integer maxConnections;
        private Duration idleTimeout = HttpServerInitializer.DEFAULT_IDLE_TIMEOUT;
        private Duration headerTimeout = HttpServerInitializer.DEFAULT_HEADER_TIMEOUT;
        private int maxHeaderSize = HttpServerInitializer.DEFAULT_MAX_HEADER_SIZE;
        private Consumer<String> notices = s -> { };
        private int httpsPort = -1;
        private Path tlsCertificate;
        private Path tlsKey;

        private Builder() {
            super(DEFAULT_PORT);
        }

        /**
         * @param maxConnections connections beyond this are closed at once; default 100,000, or below the
         *     file-descriptor limit (less a tenth of it, at least 256) when that is lower
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * @param idleTimeout connections idle this long are closed; zero for never; default 60 s
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * A deadline on each request head, from its first byte to its last, against clients that trickle
         * their headers (slowloris): the connection is closed when it passes. The idle timeout does not
         * catch them, as they are never idle.
         *
         * @param headerTimeout the longest a request head may take to arrive; zero for no limit; default 10 s
         * @return this builder
         */
        public Builder headerTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
            return this;
        }

        /**
         * @param maxHeaderSize largest request line and header block, at least 256; default 8 KiB
         * @return this builder
         */
        public Builder maxHeaderSize(int maxHeaderSize) {
            this.maxHeaderSize = maxHeaderSize;
            return this;
        }

        /**
         * Adds an HTTPS listener with the same endpoints (ALPN {@code http/1.1}); off by default.
         *
         * @param httpsPort its port, 0 for any free one
         * @return this builder
         */
        public Builder httpsPort(int httpsPort) {
            this.httpsPort = httpsPort;
            return this;
        }

        /**
         * The HTTPS listener's certificate; without it, a self-signed one for {@code localhost} is made at start.
         *
         * @param certificate a PEM certificate chain
         * @param key its PEM (PKCS#8) private key
         * @return this builder
         */
        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = Objects.requireNonNull(certificate, "certificate");
            this.tlsKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param notices receives one line when the connection limit is reached
         * @return this builder
         */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Validates the options, warms up if asked ({@link #jitWarmup(Duration)}) and starts listening.
         *
         * @return the server, listening
         * @throws IllegalArgumentException naming a bad option
         * @throws IllegalStateException if the port cannot be bound, or the warm-up fails, with the reason
         */
        public HttpBenchServer build() {
            InetAddress bind = validateListenOptions();
            if (maxConnections != null && maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
            }
            if (headerTimeout == null || headerTimeout.isNegative()) {
                throw new IllegalArgumentException("headerTimeout must be >= 0: " + headerTimeout);
            }
            if (idleTimeout == null || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be >= 0: " + idleTimeout);
            }
            if (maxHeaderSize < 256) {
                throw new IllegalArgumentException("maxHeaderSize must be >= 256: " + maxHeaderSize);
            }
            if (httpsPort > 65535 || httpsPort < -1) {
                throw new IllegalArgumentException("httpsPort must be 0..65535: " + httpsPort);
            }
            if (tlsCertificate != null && httpsPort < 0) {
                throw new IllegalArgumentException("a TLS certificate needs an HTTPS port");
            }
            SslContext ssl = httpsPort < 0 ? null : TlsContexts.server(tlsCertificate, tlsKey);
            warmUp();
            int limit = FileDescriptors.connectionLimit(maxConnections, notices);
            // What may open a file later must do it now: at the fd limit it could not (tzdb.dat, for one).
            java.util.TimeZone.getDefault();
            TransportType transport = transport();
            ServerSkeleton skeleton = new ServerSkeleton(transport, threads(), "netbench-http");
            HttpServerInitializer initializer = new HttpServerInitializer(skeleton.group().next(),
                    skeleton.connections(), limit, idleTimeout.toMillis(), maxHeaderSize, headerTimeout.toMillis(),
                    notices, metrics());
            try {
                Channel plain = skeleton.bind(HttpBootstrap.create(skeleton.group(), transport, initializer, notices),
                        bind, port(), "");
                Channel tls = ssl == null ? null : skeleton.bind(HttpBootstrap.create(skeleton.group(), transport,
                        initializer.withTls(ssl), notices), bind, httpsPort, "HTTPS");
                return new HttpBenchServer(skeleton, plain, tls, initializer, transport, limit);
            } catch (IllegalStateException e) { // the skeleton closed itself
                initializer.close();
                throw e;
            }
        }

        /**
         * GET / load from this process's HTTP client in half-second rounds until its rate is steady
         * ({@link WarmupRounds}): first with {@code Connection: close} over {@value #WARMUP_CHURN_CONNECTIONS}
         * connections, so that the accept, set-up and close paths are compiled here and not in a
         * server's first large burst (there, half-compiled, they let the listen backlog drain slowly
         * enough for wrk to count timeouts: see the README); then keep-alive over
         * {@value #WARMUP_CONNECTIONS}, last, as a benchmark's requests are; then, with an HTTPS
         * listener, keep-alive rounds over TLS (unwarmed, its TLS path served a few hundred requests
         * a second for its first ~15 s under load), against a server of this class on loopback.
         */
        @Override
        protected void warm(Duration time) {
            try (Loopback server = new Loopback(transport(), threads())) {
                rounds(time, server.uri(), true);
                rounds(time, server.uri(), false);
            }
            if (httpsPort >= 0) {
                Builder options = builder().port(0).bindAddress("127.0.0.1").httpsPort(0).threads(threads())
                        .transport(transport());
                if (tlsCertificate != null) {
                    options.tls(tlsCertificate, tlsKey);
                }
                try (HttpBenchServer server = options.build()) {
                    rounds(time, URI.create("https://localhost:" + server.httpsPort().getAsInt() + "/"), false);
                }
            }
        }

        private void rounds(Duration time, URI uri, boolean close) {
            try {
                WarmupRounds.untilSteady(time, () -> {
                    HttpLoad load = HttpLoad.to(uri).insecure(true).threads(threads()).duration(WARMUP_ROUND)
                            .connections(Math.max(threads(), close ? WARMUP_CHURN_CONNECTIONS : WARMUP_CONNECTIONS))
                            .transport(transport());
                    return (close ? load.header("Connection: close") : load).run().requestsPerSecond();
                });
            } catch (NetbenchException e) {
                throw new IllegalStateException("JIT warm-up on loopback failed: " + e.getMessage(), e);
            }
        }
    }
}
