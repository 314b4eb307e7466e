package io.netbench.tcp;

import io.netbench.tcp.internal.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A machine's description as qperf's {@code conf} test reports it: node name, CPU, OS and qperf
 * version. On the wire (qperf's CONF struct) it is four NUL-padded 64-byte strings.
 */
public record QperfConf(String node, String cpu, String os, String qperf) {

    /** This machine's configuration, described as qperf describes it. */
    public static QperfConf local() {
        return new QperfConf(hostName(), cpuDescription(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Wire.VER_MAJ + "." + Wire.VER_MIN + "." + Wire.VER_INC);
    }

    /** Writes the wire form, {@value Wire#CONF_SIZE} bytes. */
    public void encode(ByteBuf out) {
        for (String s : new String[] {node, cpu, os, qperf}) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(bytes.length, Wire.STRSIZE - 1);
            out.writeBytes(bytes, 0, n).writeZero(Wire.STRSIZE - n);
        }
    }

    /** Reads the wire form. */
    public static QperfConf decode(ByteBuf in) {
        String[] fields = new String[4];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = in.readCharSequence(Wire.STRSIZE, StandardCharsets.US_ASCII).toString();
            int nul = fields[i].indexOf('\0');
            fields[i] = nul < 0 ? fields[i] : fields[i].substring(0, nul);
        }
        return new QperfConf(fields[0], fields[1], fields[2], fields[3]);
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
