package io.netbench.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's TCP counters at one instant, from {@code /proc/net/snmp} ({@code Tcp:}) and
 * {@code /proc/net/netstat} ({@code TcpExt:}), those of them that say why a transfer was slow:
 * retransmissions and their causes, resets, drops and queue pruning. Each file is a header line
 * of names and a line of values per section. They count for the network namespace of the process.
 */
public final class SystemCounters {
    /** The counters kept, as {@code Section.Name}; one that the kernel lacks is left out. */
    public static final List<String> NAMES = List.of("Tcp.ActiveOpens", "Tcp.PassiveOpens", "Tcp.AttemptFails",
            "Tcp.EstabResets", "Tcp.InSegs", "Tcp.OutSegs", "Tcp.RetransSegs", "Tcp.InErrs", "Tcp.OutRsts",
            "TcpExt.TCPTimeouts", "TcpExt.TCPLossProbes", "TcpExt.TCPLostRetransmit", "TcpExt.TCPFastRetrans",
            "TcpExt.TCPSlowStartRetrans", "TcpExt.TCPSynRetrans", "TcpExt.TCPSpuriousRTOs", "TcpExt.TCPSackRecovery",
            "TcpExt.TCPOFOQueue", "TcpExt.TCPRcvCollapsed", "TcpExt.PruneCalled", "TcpExt.TCPRcvQDrop",
            "TcpExt.TCPBacklogDrop", "TcpExt.ListenOverflows", "TcpExt.ListenDrops", "TcpExt.TCPAbortOnTimeout",
            "TcpExt.TCPZeroWindowDrop");
    private static final List<Path> FILES = List.of(Path.of("/proc/net/snmp"), Path.of("/proc/net/netstat"));

    private SystemCounters() {
    }

    /** {@return the counters now, name to value; empty where /proc cannot be read (not Linux)} */
    public static Map<String, Long> now() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (Path file : FILES) {
            try {
                parse(Files.readAllLines(file, StandardCharsets.US_ASCII), all);
            } catch (IOException | RuntimeException e) {
                // left out: absent, not 0
            }
        }
        Map<String, Long> kept = new LinkedHashMap<>();
        for (String name : NAMES) {
            Long v = all.get(name);
            if (v != null) {
                kept.put(name, v);
            }
        }
        return kept;
    }

    /** Adds every {@code Section.Name} of a /proc/net file's lines (header, values, header, ...) to {@code into}. */
    static void parse(List<String> lines, Map<String, Long> into) {
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String[] names = lines.get(i).trim().split("\\s+");
            String[] values = lines.get(i + 1).trim().split("\\s+");
            if (!names[0].equals(values[0]) || !names[0].endsWith(":")) {
                continue;
            }
            String section = names[0].substring(0, names[0].length() - 1);
            for (int j = 1; j < names.length && j < values.length; j++) {
                into.put(section + "." + names[j], Long.parseLong(values[j]));
            }
        }
    }

    /** {@return what grew from {@code start} to {@code end}, for the counters in both} */
    public static Map<String, Long> delta(Map<String, Long> start, Map<String, Long> end) {
        Map<String, Long> delta = new LinkedHashMap<>();
        end.forEach((name, v) -> {
            Long before = start.get(name);
            if (before != null) {
                delta.put(name, v - before);
            }
        });
        return delta;
    }
}
