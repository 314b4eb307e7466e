package io.netbench.http;

import io.netbench.core.Durations;
import io.netbench.core.Ports;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Warmup;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one HTTP load run needs, immutable and valid: constructing it checks every option and
 * names the first bad one in an {@link IllegalArgumentException}. Usually built by {@link HttpLoad}'s
 * fluent setters ({@link HttpLoad#options()}) and run by {@link HttpLoad#run()};
 * {@link HttpLoad#like(HttpLoadOptions)} starts a builder from one, to change a few options. The
 * constructor says what each option means.
 */
public record HttpLoadOptions(URI uri, int threads, int connections, Duration duration, Duration warmup,
                              Duration jitWarmup, Duration timeout, long rate, int pipeline, String method,
                              List<String> headers, byte[] body, boolean insecure, TransportType transport,
                              WrkScript script) {
    /**
     * Checks every option.
     *
     * @param uri the target, {@code http://} or {@code https://}
     * @param threads event loops, wrk's {@code -t}
     * @param connections connections kept open, spread evenly over the threads, at least one each
     * @param duration the measured time, at least 1 ms
     * @param warmup load before the measured time, not counted; zero for none
     * @param jitWarmup load against an in-process server before the run, so the JIT has compiled the
     *     client's hot path when the measured time starts (the target sees none of it); zero for none,
     *     else at least 1 ms
     * @param timeout a request outstanding longer is a timeout, its latency not recorded; at least 1 ms
     * @param rate total requests per second at constant rate (wrk2's {@code -R}); 0 for wrk's closed loop
     * @param pipeline requests written back to back per connection before their responses, 1..1024
     * @param method the request method, an upper-case token
     * @param headers header lines, {@code Name: value}
     * @param body the request body, or null for none
     * @param insecure accept any TLS certificate (like {@code curl -k})
     * @param transport the event loops' transport
     * @param script a wrk Lua script making the requests, or null for none
     * @throws IllegalArgumentException naming the first bad option
     * @throws NullPointerException if the URI, method, headers or transport are null
     */
    public HttpLoadOptions {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(transport, "transport");
        headers = List.copyOf(headers);
        body = body == null ? null : body.clone();
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid URL: " + uri + " (expected http://host[:port]/path or https://...)");
        }
        if (uri.getPort() >= 0) {
            Ports.checkConnect("port", uri.getPort());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (connections < threads) {
            throw new IllegalArgumentException("number of connections must be >= threads");
        }
        if (duration == null || duration.toMillis() < 1) {
            throw new IllegalArgumentException("duration must be positive: " + Durations.format(duration));
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0: " + Durations.format(warmup));
        }
        Warmup.checkTime(jitWarmup);
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be positive: " + Durations.format(timeout));
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0: " + rate);
        }
        if (pipeline < 1 || pipeline > 1024) {
            throw new IllegalArgumentException("pipeline must be 1..1024: " + pipeline);
        }
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("method must be an upper-case token: " + method);
        }
    }

    /** {@return a copy of the request body, or null for none} */
    @Override
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** {@return whether the target is {@code https}} */
    public boolean tls() {
        return "https".equals(uri.getScheme());
    }

    /** {@return the target's port: the URI's, or the scheme's default (80, 443)} */
    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** {@return whether {@code other} holds the same options, the body compared by content} */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpLoadOptions o && uri.equals(o.uri) && threads == o.threads
                && connections == o.connections && duration.equals(o.duration) && warmup.equals(o.warmup)
                && jitWarmup.equals(o.jitWarmup) && timeout.equals(o.timeout) && rate == o.rate
                && pipeline == o.pipeline && method.equals(o.method) && headers.equals(o.headers)
                && Arrays.equals(body, o.body) && insecure == o.insecure && transport == o.transport
                && Objects.equals(script, o.script);
    }

    /** {@return a hash of the options, consistent with {@link #equals(Object)}} */
    @Override
    public int hashCode() {
        return Objects.hash(uri, threads, connections, duration, warmup, jitWarmup, timeout, rate, pipeline, method,
                headers, Arrays.hashCode(body), insecure, transport, script);
    }

    /** {@return the options in one line, the body by its length} */
    @Override
    public String toString() {
        return "HttpLoadOptions[uri=" + uri + ", threads=" + threads + ", connections=" + connections + ", duration="
                + duration + ", warmup=" + warmup + ", jitWarmup=" + jitWarmup + ", timeout=" + timeout + ", rate="
                + rate + ", pipeline=" + pipeline + ", method=" + method + ", headers=" + headers + ", body="
                + (body == null ? "none" : body.length + " bytes") + ", insecure=" + insecure + ", transport="
                + transport.displayName() + ", script=" + (script == null ? "none" : script.name()) + "]";
    }
}
