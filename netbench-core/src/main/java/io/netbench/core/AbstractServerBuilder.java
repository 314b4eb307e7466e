package io.netbench.core;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The listen options every netbench server shares — port, bind address, transport and event
 * loops — with their validation, for the builders of the qperf and HTTP servers.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class AbstractServerBuilder<B extends AbstractServerBuilder<B>> {
    private int port;
    private String bindAddress;
    private TransportType transport = TransportType.defaultType();
    private int threads = Runtime.getRuntime().availableProcessors();

    protected AbstractServerBuilder(int defaultPort) {
        this.port = defaultPort;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The port to listen on, 0 for any free one. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** The address to listen on; default all addresses (IPv6 and IPv4). */
    public B bindAddress(String address) {
        this.bindAddress = address;
        return self();
    }

    public B transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /** Event loops; default the number of available processors. */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }

    protected int port() {
        return port;
    }

    protected TransportType transport() {
        return transport;
    }

    protected int threads() {
        return threads;
    }

    /**
     * Checks the listen options and resolves the bind address ({@code null} means all).
     *
     * @throws IllegalArgumentException naming the bad option
     */
    protected InetAddress validateListenOptions() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport.displayName() + " is not available");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address " + bindAddress + " cannot be resolved");
        }
    }

    /** {@code address:port} for messages ({@code [::1]:port} for IPv6), {@code *} for all addresses. */
    protected static String describe(InetAddress bind, int port) {
        return bind == null ? "*:" + port : NetUtil.toSocketAddressString(new InetSocketAddress(bind, port));
    }
}
