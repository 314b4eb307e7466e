package io.netbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU and memory limits of this process's cgroup, as a container runtime sets them
 * ({@code --cpus}, {@code --memory}, a pod's {@code limits}), read from cgroup v2
 * ({@code cpu.max}, {@code memory.max}) or v1 ({@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us},
 * {@code memory.limit_in_bytes}). The process's own cgroup directory is tried first (from
 * {@code /proc/self/cgroup}), then the mount's root, which is the container's own cgroup under a
 * cgroup namespace.
 *
 * @param cpus the CPU quota in CPUs (e.g. {@code "1.5"}), empty when unlimited
 * @param memoryBytes the memory limit, empty when unlimited
 */
public record CgroupLimits(Optional<String> cpus, OptionalLong memoryBytes) {
    /** A v1 "unlimited" memory limit is a page-rounded Long.MAX_VALUE; anything above this is none. */
    private static final long UNLIMITED = 1L << 60;

    /** The limits of this process, read from {@code /proc/self/cgroup} and {@code /sys/fs/cgroup}. */
    public static CgroupLimits read() {
        return read(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
    }

    static CgroupLimits read(Path procCgroup, Path mount) {
        List<String> lines = lines(procCgroup);
        Optional<String> cpus = v2Cpus(dirs(lines, "", mount)).or(() -> v1Cpus(dirs(lines, "cpu", mount)));
        OptionalLong memory = memory(dirs(lines, "", mount), "memory.max");
        if (memory.isEmpty()) {
            memory = memory(dirs(lines, "memory", mount), "memory.limit_in_bytes");
        }
        return new CgroupLimits(cpus, memory);
    }

    /** The cgroup directories to look in for {@code controller} ("" for v2): own path, then root. */
    private static List<Path> dirs(List<String> procLines, String controller, Path mount) {
        Path root = controller.isEmpty() ? mount : mount.resolve(controller);
        for (String line : procLines) {
            String[] f = line.split(":", 3);
            boolean match = f.length == 3 && (controller.isEmpty() ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller));
            if (match && f[2].length() > 1) {
                return List.of(root.resolve(f[2].substring(1)), root);
            }
        }
        return List.of(root);
    }

    private static Optional<String> v2Cpus(List<Path> dirs) {
        for (Path dir : dirs) {
            List<String> max = lines(dir.resolve("cpu.max"));
            if (!max.isEmpty()) {
                String[] f = max.get(0).trim().split("\\s+");
                return f.length == 2 && !f[0].equals("max") ? Optional.of(cpus(f[0], f[1])) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> v1Cpus(List<Path> dirs) {
        for (Path dir : dirs) {
            List<String> quota = lines(dir.resolve("cpu.cfs_quota_us"));
            List<String> period = lines(dir.resolve("cpu.cfs_period_us"));
            if (!quota.isEmpty() && !period.isEmpty()) {
                return quota.get(0).trim().startsWith("-") ? Optional.empty()
                        : Optional.of(cpus(quota.get(0).trim(), period.get(0).trim()));
            }
        }
        return Optional.empty();
    }

    private static String cpus(String quota, String period) {
        double value = Double.parseDouble(quota) / Double.parseDouble(period);
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static OptionalLong memory(List<Path> dirs, String file) {
        for (Path dir : dirs) {
            List<String> value = lines(dir.resolve(file));
            if (!value.isEmpty()) {
                String v = value.get(0).trim();
                if (v.equals("max") || !v.matches("\\d+") || Long.parseLong(v) >= UNLIMITED) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Long.parseLong(v));
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
