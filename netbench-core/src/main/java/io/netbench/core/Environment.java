package io.netbench.core;

import io.netbench.core.internal.CgroupLimits;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What netbench records about the machine that measured, in every result
 * ({@link RunResult#environment()}), so that a table of host, runc and kata figures says where
 * each column came from: {@code hostname}, {@code kernel}, {@code os}, {@code arch},
 * {@code cpu_model}, {@code cpus} (the JVM's available processors), {@code cpu_limit} and
 * {@code memory_limit_bytes} (the container's cgroup limits, absent when there are none),
 * {@code jvm} and {@code jvm_gc} (its collectors: the GC's write barrier is part of what a
 * request costs, so two columns measured under different GCs are two programs). Reading it
 * touches a few files under {@code /proc} and {@code /sys}; call it outside measured intervals.
 */
public final class Environment {
    private Environment() {
    }

    /**
     * {@return this machine and JVM, key to value in the order listed above; keys whose value is
     * unknown are absent}
     */
    public static Map<String, String> current() {
        Map<String, String> env = new LinkedHashMap<>();
        firstLine(Path.of("/proc/sys/kernel/hostname")).or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .ifPresent(h -> env.put("hostname", h));
        env.put("kernel", System.getProperty("os.version"));
        env.put("os", System.getProperty("os.name"));
        env.put("arch", System.getProperty("os.arch"));
        cpuModel().ifPresent(m -> env.put("cpu_model", m));
        env.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        CgroupLimits limits = CgroupLimits.read();
        limits.cpus().ifPresent(c -> env.put("cpu_limit", c));
        limits.memoryBytes().ifPresent(m -> env.put("memory_limit_bytes", Long.toString(m)));
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("jvm_gc", gc());
        return env;
    }

    /**
     * {@return this JVM's collectors, e.g. {@code PS Scavenge, PS MarkSweep} for the Parallel GC
     * that the image's entrypoint and {@code bin/netbench} choose}
     */
    public static String gc() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }

    /** {@return the netbench version of these classes, {@code "dev"} when unknown (a build from an IDE)} */
    public static String netbenchVersion() {
        try (InputStream in = Environment.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name") && l.contains(":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::trim).filter(s -> !s.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
