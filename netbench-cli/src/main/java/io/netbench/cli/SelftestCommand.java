package io.netbench.cli;

import io.netbench.cli.format.QperfFormat;
import io.netbench.cli.format.QperfOutput;
import io.netbench.cli.format.QperfStep;
import io.netbench.cli.format.WrkFormat;
import io.netbench.cli.format.WrkReport;
import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import io.netbench.http.HttpBenchServer;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadResult;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netbench selftest}: starts both servers in this process on loopback and runs a short
 * qperf and wrk measurement against them, through the same code and output as the real commands.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Measure loopback with in-process servers: qperf tcp_bw/tcp_lat/udp_lat, then wrk.")
final class SelftestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds per test (default 2).")
    private int seconds = 2;

    @Override
    public Integer call() throws NetbenchException {
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("--time " + seconds + ": expected 1..60 seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        TransportType transport = TransportType.select("auto", spec.commandLine().getErr()::println);
        Duration time = Duration.ofSeconds(seconds);
        try (QperfServer qperf = QperfServer.builder().port(0).bindAddress("127.0.0.1").transport(transport)
                .threads(1).build();
             HttpBenchServer http = HttpBenchServer.builder().port(0).bindAddress("127.0.0.1").transport(transport)
                .threads(1).build()) {
            out.printf("netbench selftest on loopback (%s): qperf port %d, http port %d%n%n", transport.displayName(),
                    qperf.port(), http.port());
            QperfOutput format = new QperfOutput(QperfFormat.defaults(), new QperfOutput.Verbosity(0, 1, 1, 0), false, true);
            for (QperfTest test : new QperfTest[] {QperfTest.TCP_BW, QperfTest.TCP_LAT, QperfTest.UDP_LAT}) {
                out.println(test.qperfName() + ":");
                out.print(format.render(QperfClient.to("127.0.0.1", qperf.port()).test(test).time(time).run(),
                        QperfStep.NONE));
                out.flush();
            }
            String url = "http://127.0.0.1:" + http.port() + "/";
            out.println();
            out.print(WrkReport.header(WrkFormat.seconds(seconds), url, 1, 16));
            out.flush();
            HttpLoadResult result = HttpLoad.to(URI.create(url)).threads(1).connections(16).duration(time)
                    .transport(transport).run();
            out.print(WrkReport.body(result, true, false));
            out.flush();
        }
        return 0;
    }
}
