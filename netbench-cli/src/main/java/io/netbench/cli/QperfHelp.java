package io.netbench.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * qperf's help topics, {@code qperf --help TOPIC}: {@code categories}, {@code examples},
 * {@code opts} and {@code options} (the option list), {@code tests}, and each test's name, worded
 * after qperf's own manual for what netbench runs. Without a topic {@code --help} prints the usage.
 */
final class QperfHelp {
    private static final String SOCKET_OPTIONS = "Common Options\n"
            + "    --cpu_affinity PN (-ca)     Set processor affinity\n"
            + "    --msg_size Size (-m)        Set message size\n"
            + "    --sock_buf_size Size (-sb)  Set socket buffer size\n"
            + "    --time (-t)                 Set test duration\n"
            + "Other Options\n"
            + "    --listen_port, --ip_port, --timeout, --wait_server, --transport, --jit-warmup, --json,\n"
            + "    --fail-on\n"
            + "Display Options\n"
            + "    --precision, --unify_nodes, --unify_units, --use_bits_per_sec, --verbose\n";
    private static final String BANDWIDTH = "    --access_recv OnOff (-ar)   Access received data\n"
            + "    --parallel N (-P)           Parallel streams, added up (netbench server)\n"
            + "    --interval S (-i)           Report every S seconds, per stream and summed\n";
    private static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("categories", "To get help on a particular category, you may type:\n    qperf --help CATEGORY\n"
                + "where CATEGORY might be one of the following:\n"
                + "    categories          This current list being displayed\n"
                + "    examples            Some examples\n"
                + "    options             A long list of options\n"
                + "    opts                A short description of the options\n"
                + "    tests               A list of tests\n"
                + "CATEGORY may also be one of the following tests\n"
                + "    conf\n    quit\n    tcp_bw\n    tcp_lat\n    udp_bw\n    udp_lat\n");
        TOPICS.put("examples", "Run `netbench server` on a node called myserver; on another node:\n"
                + "    * To run a TCP bandwidth and latency test:\n        netbench qperf myserver tcp_bw tcp_lat\n"
                + "    * To run a UDP bandwidth test for 10 seconds, reporting every second:\n"
                + "        netbench qperf myserver -t 10 -i 1 udp_bw\n"
                + "    * To get a range of TCP latencies with a message size from 1 to 64K:\n"
                + "        netbench qperf myserver -oo msg_size:1:64K:*2 -vu tcp_lat\n"
                + "    * To fail (exit 3) when latency exceeds 50 us:\n"
                + "        netbench qperf myserver --fail-on 'lat>50us' tcp_lat\n");
        TOPICS.put("tests", "Miscellaneous\n"
                + "    conf                    Show configuration\n"
                + "    quit                    Cause the server to quit\n"
                + "Socket Based\n"
                + "    tcp_bw                  TCP streaming one way bandwidth\n"
                + "    tcp_lat                 TCP one way latency\n"
                + "    udp_bw                  UDP streaming one way bandwidth\n"
                + "    udp_lat                 UDP one way latency\n"
                + "Not run by netbench (refused by name): the RDS, SCTP and SDP tests and the RDMA tests\n");
        String streaming = "Description\n    The client repeatedly sends messages to the server while the server\n"
                + "    notes how many were received.\n";
        TOPICS.put("tcp_bw", "Purpose\n    TCP streaming one way bandwidth\n" + SOCKET_OPTIONS + "netbench Options\n"
                + BANDWIDTH + "    --reverse (-R)              The server sends (netbench server)\n" + streaming);
        TOPICS.put("udp_bw", "Purpose\n    UDP streaming one way bandwidth\n" + SOCKET_OPTIONS + "netbench Options\n"
                + BANDWIDTH + streaming);
        TOPICS.put("tcp_lat", latency("TCP"));
        TOPICS.put("udp_lat", latency("UDP"));
        TOPICS.put("conf", "Purpose\n    Show configuration\nCommon Options\n    None\nDescription\n"
                + "    Shows the node name, CPUs and OS of both nodes being used.\n");
        TOPICS.put("quit", "Purpose\n    Cause the server to quit\nCommon Options\n    None\nDescription\n"
                + "    Causes a qperf server to quit; a netbench server, shared by many clients, acknowledges it\n"
                + "    and keeps serving.\n");
    }

    private QperfHelp() {
    }

    private static String latency(String protocol) {
        return "Purpose\n    " + protocol + " one way latency\n" + SOCKET_OPTIONS + "netbench Options\n"
                + "    --percentiles               Latency percentiles (p50 to p99.99, max)\n"
                + "Description\n    A ping pong latency test where the server and client exchange messages\n"
                + "    repeatedly using " + protocol + " sockets.\n";
    }

    /**
     * Answers {@code qperf --help TOPIC}: the topic's text and exit 0, or for an unknown topic
     * qperf's one line and exit 2; empty when the command line is not that.
     */
    static Optional<Integer> answer(ParseResult parsed) {
        ParseResult qperf = parsed.subcommand();
        if (qperf == null || !"qperf".equals(qperf.commandSpec().name()) || !qperf.isUsageHelpRequested()) {
            return Optional.empty();
        }
        // As in qperf, the topic is the word right after --help (-h).
        List<String> args = qperf.originalArgs();
        int at = Math.max(args.lastIndexOf("--help"), args.lastIndexOf("-h"));
        String topic = at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
        if (topic == null || topic.startsWith("-") || List.of("opts", "options").contains(topic)) {
            return Optional.empty();
        }
        CommandLine command = qperf.commandSpec().commandLine();
        String text = TOPICS.get(topic);
        PrintWriter out = text == null ? command.getErr() : command.getOut();
        out.print(text != null ? text : "qperf: cannot find help category " + topic
                + "; try: qperf --help categories\n");
        out.flush();
        return Optional.of(text == null ? NetbenchCommand.EXIT_USAGE : 0);
    }
}
