package io.netbench.http.internal.server;

import io.netbench.core.ServerMetrics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pipeline of an HTTP benchmark connection, one handler: {@link HttpBenchHandler}, which
 * decodes requests (header validation off, bounded line and header sizes), answers them and keeps
 * the connection's accounts (the connection limit, {@link HttpMetrics}, the idle and request-head
 * {@link ConnectionDeadlines}); the server's {@code /delay} timer budget is shared by all connections.
 * No response encoder and no aggregator: responses are pre-encoded bytes. Each connection joins
 * the server's group, so that closing the server closes it.
 */
public final class HttpServerInitializer extends ChannelInitializer<Channel> implements AutoCloseable {
    /** The HTTP listener's default idle timeout: {@code HttpBenchServer.Builder}'s, and the admin port's. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** The HTTP listener's default request-head deadline, as nginx's {@code client_header_timeout}. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** The HTTP listener's default largest request line and header block. */
    public static final int DEFAULT_MAX_HEADER_SIZE = 8192;

    /** {@code /delay} timers pending at once over all connections (a few hundred bytes each): beyond, 503. */
    static final int MAX_DELAYS = 100_000;
    /** Admin connections open at once: probes come a few at a time. */
    private static final int ADMIN_CONNECTIONS = 256;
    private final Responses responses;
    private final ConnectionLimiter limiter;
    private final long idleTimeoutMillis;
    private final long headerTimeoutMillis;
    final DelayTimers delays = new DelayTimers(MAX_DELAYS);
    private final HttpDecoderConfig decoderConfig;
    private final ChannelGroup connections;
    private final HttpMetrics metrics;
    /** On the admin port, whether the server is ready; {@code null} on a benchmark port. */
    private final BooleanSupplier adminReady;

    /**
     * @param refresher runs the once-a-second Date refresh
     * @param connections the server's connections, which each new one joins
     * @param maxConnections connections beyond this are closed at once
     * @param idleTimeoutMillis connections idle this long are closed; 0 for never
     * @param maxHeaderSize largest request head accepted (431 beyond)
     * @param headerTimeoutMillis longest a request head may take to arrive, from its first byte; 0 for no limit
     * @param notices receives one line when the connection limit is reached
     * @param metrics the registry {@code /metrics} serves and the connections count into
     */
    public HttpServerInitializer(io.netty.util.concurrent.EventExecutor refresher, ChannelGroup connections,
                                 int maxConnections, long idleTimeoutMillis, int maxHeaderSize,
                                 long headerTimeoutMillis, Consumer<String> notices, ServerMetrics metrics) {
        this(refresher, connections, new ConnectionLimiter(maxConnections, "http", "raise --max-connections", notices),
                idleTimeoutMillis, maxHeaderSize, headerTimeoutMillis, metrics, null);
    }

    private HttpServerInitializer(io.netty.util.concurrent.EventExecutor refresher, ChannelGroup connections,
                                  ConnectionLimiter limiter, long idleTimeoutMillis, int maxHeaderSize,
                                  long headerTimeoutMillis, ServerMetrics metrics, BooleanSupplier adminReady) {
        this.adminReady = adminReady;
        this.connections = connections;
        this.responses = new Responses(refresher);
        this.limiter = limiter;
        this.metrics = new HttpMetrics(metrics, limiter::open);
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.headerTimeoutMillis = headerTimeoutMillis;
        this.decoderConfig = new HttpDecoderConfig().setMaxInitialLineLength(maxHeaderSize)
                .setMaxHeaderSize(maxHeaderSize).setMaxChunkSize(64 * 1024).setValidateHeaders(false);
    }

    /**
     * The admin port's pipeline: {@code /healthz} alone ({@code 503} until {@code ready}), with the
     * benchmark port's classes and its defences (idle and request-head deadlines, bounded heads, a
     * connection limit), counted in a registry of its own that nothing serves.
     *
     * @param refresher runs the once-a-second Date refresh
     * @param connections the admin server's connections, which each new one joins
     * @param ready whether the server is ready
     * @param notices receives one line when the connection limit is reached
     * @return the initializer
     */
    public static HttpServerInitializer admin(io.netty.util.concurrent.EventExecutor refresher,
                                              ChannelGroup connections, BooleanSupplier ready,
                                              Consumer<String> notices) {
        ConnectionLimiter limiter = new ConnectionLimiter(ADMIN_CONNECTIONS, "admin",
                "a client floods the admin port: probes come a few at a time", notices);
        return new HttpServerInitializer(refresher, connections, limiter, DEFAULT_IDLE_TIMEOUT.toMillis(),
                DEFAULT_MAX_HEADER_SIZE, DEFAULT_HEADER_TIMEOUT.toMillis(), new ServerMetrics(), ready);
    }

    @Override
    protected void initChannel(Channel ch) {
        connections.add(ch);
        ConnectionDeadlines deadlines = new ConnectionDeadlines(idleTimeoutMillis, headerTimeoutMillis);
        ch.pipeline().addLast(new HttpBenchHandler(decoderConfig, responses, delays, deadlines, limiter, metrics,
                adminReady));
    }

    /**
     * @param ssl the TLS context of an HTTPS listener
     * @return the same pipeline behind a TLS handler, sharing this one's responses and connection limit
     */
    public ChannelInitializer<Channel> withTls(SslContext ssl) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                HttpServerInitializer.this.initChannel(ch);
            }
        };
    }

    /** Connections open now. */
    public int openConnections() {
        return limiter.open();
    }

    /** Releases the cached responses, once the connections that use them are closed. */
    @Override
    public void close() {
        responses.close();
    }
}
