package io.netbench.tcp;

import io.netbench.tcp.internal.protocol.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A machine's description as qperf's {@code conf} test reports it. A netbench server answers
 * conf with {@link #local()}; a client gets the server's in {@link QperfResult#remoteConf()}.
 *
 * @param node the host name ({@code HOSTNAME}, else the local host's name)
 * @param cpu e.g. {@code 2 Cores: AMD EPYC 2.6GHz}: how many, the model without (R)/(TM), the speed
 * @param os the OS name and version, e.g. {@code Linux 6.1.0}
 * @param qperf the qperf version the side speaks: {@code 0.4.11}
 */
public record QperfConf(String node, String cpu, String os, String qperf) {

    /** {@return this machine's configuration, described as qperf describes it} */
    public static QperfConf local() {
        return new QperfConf(hostName(), cpuDescription(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Wire.VERSION);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code 2 Cores: AMD EPYC 2.6GHz}: count, model without (R)/(TM)/CPU, speed unless in the name. */
    static String cpuDescription() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors() + " Cores: " + System.getProperty("os.arch");
        }
        List<String> models = lines.stream().filter(l -> l.startsWith("model name")).map(QperfConf::value).toList();
        List<String> speeds = lines.stream().filter(l -> l.startsWith("cpu MHz")).map(QperfConf::value).toList();
        String model = models.isEmpty() ? System.getProperty("os.arch") : models.get(0);
        boolean mixed = models.stream().distinct().count() > 1 || speeds.stream().distinct().count() > 1;
        String name = mixed ? "Mixed CPUs" : model.replaceAll("(?i)\\((r|tm)\\)", "")
                .replaceAll("(?i)\\bcpu ", "").replaceAll("(?i)\\bprocessor ", "").replaceAll(" +", " ").trim();
        String speed = "";
        if (!mixed && !name.endsWith("Hz") && !speeds.isEmpty()) {
            int mhz = (int) Double.parseDouble(speeds.get(0));
            speed = mhz < 1000 ? " " + mhz + "MHz" : String.format(Locale.ROOT, " %.1fGHz", mhz / 1000.0);
        }
        int count = Math.max(1, models.size());
        return (count == 1 ? "" : count + " Cores: ") + name + speed;
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }
}
