package io.netbench.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What this machine lets a process open: file descriptors (its {@code ulimit -n}) and local
 * ports towards one address ({@code net.ipv4.ip_local_port_range}). A run that needs more fails
 * up front with a {@link MachineLimitException} saying what to raise, instead of failing halfway
 * with errors that look like the target's.
 */
public final class MachineLimits {
    /** Descriptors a process keeps for itself besides its connections: jars, epoll, pipes, logs. */
    public static final int RESERVED_DESCRIPTORS = 64;

    private MachineLimits() {
    }

    /** {@return how many more file descriptors this process may open, if the JVM can tell} */
    public static OptionalLong freeDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return OptionalLong.of(os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** {@return this process's file-descriptor limit ({@code ulimit -n}), if the JVM can tell} */
    public static OptionalLong descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return OptionalLong.of(os.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /**
     * Checks that outgoing connections to one address fit: as many free descriptors besides
     * {@link #RESERVED_DESCRIPTORS}, and as many local ports. A limit the JVM or {@code /proc}
     * does not tell is not checked.
     *
     * @param connections the connections the run will hold at once
     * @throws MachineLimitException naming the limit and how to raise it
     */
    public static void checkOutgoing(int connections) throws MachineLimitException {
        long free = freeDescriptors().orElse(Long.MAX_VALUE) - RESERVED_DESCRIPTORS;
        if (connections > free) {
            throw new MachineLimitException(connections + " connections need as many file descriptors but only "
                    + Math.max(0, free) + " are free (limit " + descriptorLimit().orElse(0) + "): raise it, e.g. ulimit -n "
                    + (connections + 1024));
        }
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            long ports = Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
            if (connections > ports) {
                throw new MachineLimitException(connections + " connections to one address need as many local ports"
                        + " but net.ipv4.ip_local_port_range " + range[0] + "-" + range[1] + " has " + ports
                        + ": widen it (sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\")");
            }
        } catch (IOException | RuntimeException e) {
            // no such file (not Linux) or an unexpected format: nothing to check
        }
    }
}
