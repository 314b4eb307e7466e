package io.netbench.core;

import io.netbench.core.internal.Causes;
import io.netbench.core.internal.NativeTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Netty transports netbench can run on, and how to pick one.
 *
 * <p>Native transports cut syscalls and latency, which matters for a benchmark tool, but they are
 * not always usable: the native library may be missing for the CPU architecture, and container
 * seccomp profiles commonly forbid io_uring. So the native classes are loaded reflectively (a
 * missing jar never breaks class loading) and every constant answers {@link #isAvailable()} with
 * the {@link #unavailabilityCause()} when it is not.
 *
 * <p>Selection rules, applied by {@link #select(String, Consumer)}:
 * <ul>
 *   <li>{@code auto} (the default): {@link #EPOLL} when available, else {@link #NIO} with a
 *       one-line notice saying why; where epoll should have loaded (Linux on x86_64 or aarch64)
 *       the line is a warning that also says what to mount or set so that it does;</li>
 *   <li>{@code io_uring} only when asked for, since Docker's default seccomp profile blocks it;</li>
 *   <li>asking explicitly for an unavailable transport is an error naming the cause (and what to
 *       mount or set, for epoll), never a fallback.</li>
 * </ul>
 *
 * <pre>{@code
 * TransportType transport = TransportType.select("auto", System.err::println);
 * EventLoopGroup group = transport.newEventLoopGroup(2, "netbench-client");
 * new Bootstrap().group(group).channel(transport.socketChannelType());
 * }</pre>
 */
public enum TransportType {
    /** Java NIO: always available, the portable fallback. */
    NIO("nio", null),
    /** Linux native epoll: the default on Linux. */
    EPOLL("epoll", NativeTransport.EPOLL),
    /** Linux io_uring: opt-in only, often blocked by container seccomp profiles. */
    IO_URING("io_uring", NativeTransport.IO_URING);

    private final String displayName;
    private final NativeTransport nativeTransport;

    TransportType(String displayName, NativeTransport nativeTransport) {
        this.displayName = displayName;
        this.nativeTransport = nativeTransport;
    }

    /** {@return the lower-case name used on the command line and in results: nio, epoll, io_uring} */
    public String displayName() {
        return displayName;
    }

    /** {@return whether this transport can be used in this JVM on this machine} */
    public boolean isAvailable() {
        return nativeTransport == null || nativeTransport.isAvailable();
    }

    /** {@return why this transport cannot be used, or {@code null} when it can} */
    public Throwable unavailabilityCause() {
        return nativeTransport == null ? null : nativeTransport.unavailabilityCause();
    }

    /**
     * {@return the Netty I/O handler factory of this transport, for an event loop group of one's own}
     *
     * @throws IllegalStateException if the transport is not available
     */
    public IoHandlerFactory ioHandlerFactory() {
        return nativeTransport == null ? NioIoHandler.newFactory() : nativeTransport.ioHandlerFactory();
    }

    /**
     * Creates event loops of this transport, on daemon threads.
     *
     * @param threads how many loops, at least 1
     * @param name the prefix of the threads' names, e.g. {@code "netbench-http"}
     * @return a new event loop group; the caller shuts it down
     * @throws IllegalArgumentException if {@code threads} is below 1
     * @throws IllegalStateException if the transport is not available
     */
    public EventLoopGroup newEventLoopGroup(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
    }

    /**
     * {@return the server socket channel class to use with this transport's event loops}
     *
     * @throws IllegalStateException if the transport is not available
     */
    public Class<? extends ServerSocketChannel> serverChannelType() {
        return nativeTransport == null ? NioServerSocketChannel.class : nativeTransport.serverChannelType();
    }

    /**
     * {@return the client socket channel class to use with this transport's event loops}
     *
     * @throws IllegalStateException if the transport is not available
     */
    public Class<? extends SocketChannel> socketChannelType() {
        return nativeTransport == null ? NioSocketChannel.class : nativeTransport.socketChannelType();
    }

    /**
     * {@return the UDP channel class to use with this transport's event loops}
     *
     * @throws IllegalStateException if the transport is not available
     */
    public Class<? extends DatagramChannel> datagramChannelType() {
        return nativeTransport == null ? NioDatagramChannel.class : nativeTransport.datagramChannelType();
    }

    /** {@return the transport {@code auto} selects: {@link #EPOLL} if available, else {@link #NIO}} */
    public static TransportType defaultType() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /**
     * Parses a transport name ({@code auto}, {@code nio}, {@code epoll}, {@code io_uring}, any case;
     * {@code iouring} and {@code io-uring} too) without checking availability.
     *
     * @param name the name as given
     * @return the transport, or {@code null} for {@code auto}
     * @throws IllegalArgumentException naming the accepted values
     */
    public static TransportType parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.equals("auto")) {
            return null;
        }
        for (TransportType type : values()) {
            if (type.displayName.equals(key) || type.displayName.replace("_", "").equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown transport '" + name + "' (expected auto, nio, epoll or io_uring)");
    }

    /**
     * Selects the transport for a run from a user's choice.
     *
     * @param requested {@code auto} or a transport name, see {@link #parse(String)}
     * @param notice receives one line when {@code auto} falls back to NIO
     * @return the transport to run on, available here
     * @throws IllegalArgumentException if the name is unknown
     * @throws IllegalStateException if it names a transport that is not available here
     */
    public static TransportType select(String requested, Consumer<String> notice) {
        TransportType type = parse(requested);
        if (type == null) {
            if (EPOLL.isAvailable()) {
                return EPOLL;
            }
            notice.accept(NativeWorkdir.epollExpected()
                    ? "warning: epoll did not load (" + EPOLL.why() + "), so this process runs on nio, not on"
                            + " the data path of a host with epoll; " + NativeWorkdir.advice()
                    : "notice: epoll transport unavailable (" + EPOLL.why() + "), using nio");
            return NIO;
        }
        if (!type.isAvailable()) {
            throw new IllegalStateException("transport " + type.displayName + " is not available: " + type.why()
                    + (type == EPOLL && NativeWorkdir.epollExpected() ? "; " + NativeWorkdir.advice() : ""));
        }
        return type;
    }

    /** {@return one line saying why this transport is unavailable, or {@code "available"}} */
    public String availabilityText() {
        return isAvailable() ? "available" : "unavailable: " + why();
    }

    private String why() {
        return Causes.firstLine(unavailabilityCause());
    }
}
