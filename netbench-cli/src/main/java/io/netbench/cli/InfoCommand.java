package io.netbench.cli;

import io.netbench.core.Environment;
import io.netbench.core.TransportType;
import io.netbench.http.TlsEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netbench info}: what this machine and JVM offer a benchmark. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the JVM, CPUs and container limits, available transports (and why not), the TLS engine and file-descriptor limits.")
final class InfoCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Runtime runtime = Runtime.getRuntime();
        out.printf("netbench:   %s%n", Environment.netbenchVersion());
        out.printf("jvm:        %s %s (%s)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vendor"));
        out.printf("os:         %s %s %s%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        Map<String, String> env = Environment.current();
        out.printf("cpus:       %d (the JVM's count: event loops per listener by default)%n",
                runtime.availableProcessors());
        out.printf("cpu limit:  %s%n", env.containsKey("cpu_limit") ? env.get("cpu_limit") + " (cgroup)" : "none");
        out.printf("mem limit:  %s%n", env.containsKey("memory_limit_bytes")
                ? (Long.parseLong(env.get("memory_limit_bytes")) >> 20) + " MiB (cgroup)" : "none");
        out.printf("max heap:   %d MiB%n", runtime.maxMemory() >> 20);
        out.printf("gc:         %s%n", env.get("jvm_gc"));
        out.println("transports:");
        for (TransportType type : TransportType.values()) {
            out.printf("  %-9s %s%s%n", type.displayName(), type.availabilityText(),
                    type == TransportType.defaultType() ? " (default)" : "");
        }
        TransportType.select("auto", spec.commandLine().getErr()::println);
        out.printf("tls:        %s%n", TlsEngine.describe());
        out.printf("open files: %s%n", openFileLimits());
        readLine(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .ifPresent(range -> out.printf("local ports: %s%n", range.replaceAll("\\s+", "-")));
        out.flush();
    }

    private static String openFileLimits() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return "max " + unix.getMaxFileDescriptorCount() + ", in use " + unix.getOpenFileDescriptorCount();
        }
        return "unknown";
    }

    private static Optional<String> readLine(Path path) {
        try {
            return Files.readAllLines(path).stream().findFirst().map(String::trim);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
