package io.netbench.http.internal.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The process's file-descriptor limit, and a connection limit that leaves room below it for
 * what else the process opens (listeners, the qperf server's sockets, jars, logs): a tenth of the
 * limit, at least 256.
 */
public final class FileDescriptors {
    /** The connection limit when the fd limit is unknown or very high. */
    public static final int MAX_CONNECTIONS = 100_000;

    private FileDescriptors() {
    }

    /** {@return the fd limit (RLIMIT_NOFILE), if the JVM can tell} */
    public static OptionalLong limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** {@return the default connection limit under an fd limit of {@code limit}: at least 1} */
    public static int maxConnections(OptionalLong limit) {
        if (limit.isEmpty()) {
            return MAX_CONNECTIONS;
        }
        long room = limit.getAsLong() - Math.max(256, limit.getAsLong() / 10);
        return (int) Math.max(1, Math.min(MAX_CONNECTIONS, room));
    }

    /**
     * @param asked the limit asked for, or null for the default
     * @param notices told once when {@code asked} is more than the fd limit allows
     * @return the connection limit to apply
     */
    public static int connectionLimit(Integer asked, Consumer<String> notices) {
        OptionalLong fds = limit();
        int fit = maxConnections(fds);
        if (asked == null) {
            return fit;
        }
        if (asked > fit && fds.isPresent()) {
            notices.accept("http: --max-connections " + asked + " is more than the fd limit " + fds.getAsLong()
                    + " allows; at the limit, accepting pauses (raise ulimit -n)");
        }
        return asked;
    }
}
