package io.netbench.core.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;

/**
 * A native Netty transport reached only through reflection, so that a missing classes jar or
 * native library shows up as "unavailable" instead of a {@link NoClassDefFoundError}.
 * Not part of the public API.
 */
public final class NativeTransport {
    public static final NativeTransport EPOLL = new NativeTransport("io.netty.channel.epoll.",
            "Epoll", "EpollIoHandler", "EpollServerSocketChannel", "EpollSocketChannel", "EpollDatagramChannel");
    public static final NativeTransport IO_URING = new NativeTransport("io.netty.channel.uring.",
            "IoUring", "IoUringIoHandler", "IoUringServerSocketChannel", "IoUringSocketChannel",
            "IoUringDatagramChannel");

    private final String pkg;
    private final String probeClass;
    private final String handlerClass;
    private final String serverChannelClass;
    private final String socketChannelClass;
    private final String datagramChannelClass;
    private volatile Throwable cause;
    private volatile boolean probed;

    private NativeTransport(String pkg, String probeClass, String handlerClass, String serverChannelClass,
                            String socketChannelClass, String datagramChannelClass) {
        this.pkg = pkg;
        this.probeClass = probeClass;
        this.handlerClass = handlerClass;
        this.serverChannelClass = serverChannelClass;
        this.socketChannelClass = socketChannelClass;
        this.datagramChannelClass = datagramChannelClass;
    }

    public boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    public Throwable unavailabilityCause() {
        if (!probed) {
            cause = probe();
            probed = true;
        }
        return cause;
    }

    private Throwable probe() {
        try {
            Class<?> probe = load(probeClass);
            if ((Boolean) probe.getMethod("isAvailable").invoke(null)) {
                return null;
            }
            Throwable why = (Throwable) probe.getMethod("unavailabilityCause").invoke(null);
            return why != null ? why : new UnsupportedOperationException(probeClass + " is not available");
        } catch (ReflectiveOperationException | LinkageError e) {
            return e;
        }
    }

    public IoHandlerFactory ioHandlerFactory() {
        requireAvailable();
        try {
            return (IoHandlerFactory) load(handlerClass).getMethod("newFactory").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + handlerClass, e);
        }
    }

    public Class<? extends ServerSocketChannel> serverChannelType() {
        return channelClass(serverChannelClass, ServerSocketChannel.class);
    }

    public Class<? extends SocketChannel> socketChannelType() {
        return channelClass(socketChannelClass, SocketChannel.class);
    }

    public Class<? extends DatagramChannel> datagramChannelType() {
        return channelClass(datagramChannelClass, DatagramChannel.class);
    }

    private <T> Class<? extends T> channelClass(String simpleName, Class<T> type) {
        requireAvailable();
        try {
            return load(simpleName).asSubclass(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + simpleName, e);
        }
    }

    private void requireAvailable() {
        Throwable why = unavailabilityCause();
        if (why != null) {
            throw new IllegalStateException(probeClass + " transport is not available", why);
        }
    }

    private Class<?> load(String simpleName) throws ClassNotFoundException {
        return Class.forName(pkg + simpleName, true, NativeTransport.class.getClassLoader());
    }
}
