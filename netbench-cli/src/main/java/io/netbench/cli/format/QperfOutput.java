package io.netbench.cli.format;

import io.netbench.cli.format.QperfFormat.Value;
import io.netbench.core.CpuUsage;
import io.netbench.tcp.QperfConf;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfTest;

/**
 * Renders results exactly as qperf 0.4.11 prints them, so that the two tools' output can be diffed
 * and pasted into one report. The rows and their order follow qperf's {@code show_info}: the main
 * figure, then (by verbosity) {@code msg_rate}, the parameters used, the costs, CPU and counters;
 * like qperf, a row is shown only when its value is positive, except the main figure.
 *
 * @param format number formatting (precision, unified units, bits per second)
 * @param verbosity qperf's {@code -v}-family levels
 * @param unifyNodes qperf {@code -un}: loc_/rem_ rows even for one-way tests
 * @param percentiles add latency percentile rows (netbench's {@code --percentiles})
 * @param tcpInfo add both ends' network counters (netbench's {@code --tcp-info}, {@link NetRows})
 */
public record QperfOutput(QperfFormat format, Verbosity verbosity, boolean unifyNodes, boolean percentiles,
                          boolean tcpInfo) {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    /** The output without network counters, as qperf prints it. */
    public QperfOutput(QperfFormat format, Verbosity verbosity, boolean unifyNodes, boolean percentiles) {
        this(format, verbosity, unifyNodes, percentiles, false);
    }

    /**
     * qperf's verbosity levels (0, 1 or 2) for conf, statistics, times and used parameters. netbench
     * accepts {@code -vc} as qperf does but prints no conf rows (there is the conf test).
     */
    public record Verbosity(int conf, int stat, int time, int used) {
        public static final Verbosity QUIET = new Verbosity(0, 0, 0, 0);
    }

    /** The result block of a socket test that {@code step} asked for, without its {@code test:} heading. */
    public String render(QperfResult r, QperfStep step) {
        QperfFormat.Block block = new QperfFormat.Block();
        QperfTest test = r.test();
        if (test.isLatency()) {
            block.add("latency", format.time(r.latencyNanos() / 1e9));
        } else if (test == QperfTest.TCP_BW) {
            block.add("bw", format.bandwidth(r.receiveBandwidth()));
        } else {
            block.add("send_bw", format.bandwidth(r.sendBandwidth()));
            block.add("recv_bw", format.bandwidth(r.receiveBandwidth()));
        }
        add(block, 's', r.msgRate(), "msg_rate", format.rate(r.msgRate()));
        if (percentiles && test.isLatency() && r.latency().count() > 0) {
            for (double p : PERCENTILES) {
                block.add("latency_p" + new java.text.DecimalFormat("0.##").format(p),
                        format.time(r.latency().percentileNanos(p) / 1e9));
            }
            block.add("latency_max", format.time(r.latency().maxNanos() / 1e9));
        }
        used(block, r, step);
        add(block, 't', r.sendCost(), "send_cost", format.cost(r.sendCost()));
        add(block, 't', r.receiveCost(), "recv_cost", format.cost(r.receiveCost()));
        rest(block, r);
        if (tcpInfo) {
            NetRows.add(block, format, "loc_", r.localNet());
            NetRows.add(block, format, "rem_", r.remoteNet());
        }
        return block.render();
    }

    /** The block of the {@code conf} test. */
    public static String renderConf(QperfFormat format, QperfConf local, QperfConf remote) {
        QperfFormat.Block block = new QperfFormat.Block();
        for (String side : new String[] {"loc_", "rem_"}) {
            QperfConf c = side.equals("loc_") ? local : remote;
            block.add(side + "node", format.text(c.node())).add(side + "cpu", format.text(c.cpu()))
                    .add(side + "os", format.text(c.os())).add(side + "qperf", format.text(c.qperf()));
        }
        return block.render();
    }

    /** qperf's {@code show_used}: what the step asked for, with the msg_size and time the run settled on. */
    private void used(QperfFormat.Block block, QperfResult r, QperfStep step) {
        QperfStep used = step.with(QperfParam.MSG_SIZE, r.msgSize()).with(QperfParam.TIME, r.time().toSeconds());
        for (QperfParam param : QperfParam.values()) {
            if (param != QperfParam.ACCESS_RECV || r.test().isBandwidth()) {
                usedSides(block, param, used);
            }
        }
    }

    /** One row if both sides use the same value, else a loc_ and a rem_ row. */
    private void usedSides(QperfFormat.Block block, QperfParam param, QperfStep used) {
        long local = used.local(param);
        long remote = used.remote(param);
        if (verbosity.used() < 1 || verbosity.used() < 2 && !used.userSet().contains(param)) {
            return;
        }
        String name = param.qperfName();
        if (local == remote) {
            usedRow(block, name, local, param);
        } else {
            usedRow(block, "loc_" + name, local, param);
            usedRow(block, "rem_" + name, remote, param);
        }
    }

    private void usedRow(QperfFormat.Block block, String name, long value, QperfParam param) {
        if (value > 0) {
            block.add(name, param.shown(format, value));
        }
    }

    private void rest(QperfFormat.Block block, QperfResult r) {
        QperfResult.Counters l = r.local();
        QperfResult.Counters m = r.remote();
        boolean localSends = l.sentBytes() > 0 && m.sentBytes() == 0 && m.receivedBytes() > 0 && l.receivedBytes() == 0;
        boolean remoteSends = m.sentBytes() > 0 && l.sentBytes() == 0 && l.receivedBytes() > 0 && m.receivedBytes() == 0;
        if (!unifyNodes && (localSends || remoteSends)) {
            side(block, "send_", localSends ? r.localCpu() : r.remoteCpu(), localSends ? l : m, true, false);
            side(block, "recv_", localSends ? r.remoteCpu() : r.localCpu(), localSends ? m : l, false, true);
        } else {
            side(block, "loc_", r.localCpu(), l, true, true);
            side(block, "rem_", r.remoteCpu(), m, true, true);
        }
    }

    private void side(QperfFormat.Block block, String prefix, CpuUsage cpu, QperfResult.Counters c, boolean sent,
                      boolean received) {
        add(block, 't', cpu.busyCpus(), prefix + "cpus_used", format.cpus(cpu.busyCpus()));
        add(block, 'T', cpu.userCpus(), prefix + "cpus_user", format.cpus(cpu.userCpus()));
        add(block, 'T', cpu.intrCpus(), prefix + "cpus_intr", format.cpus(cpu.intrCpus()));
        add(block, 'T', cpu.kernelCpus(), prefix + "cpus_kernel", format.cpus(cpu.kernelCpus()));
        add(block, 'T', cpu.iowaitCpus(), prefix + "cpus_iowait", format.cpus(cpu.iowaitCpus()));
        add(block, 'T', cpu.realSeconds(), prefix + "real_time", format.time(cpu.realSeconds()));
        add(block, 'T', cpu.cpuSeconds(), prefix + "cpu_time", format.time(cpu.cpuSeconds()));
        boolean both = sent && received;
        if (sent) {
            add(block, 'S', c.sentBytes(), prefix + (both ? "send_bytes" : "bytes"), format.size(c.sentBytes()));
        }
        if (received) {
            add(block, 'S', c.receivedBytes(), prefix + (both ? "recv_bytes" : "bytes"), format.size(c.receivedBytes()));
        }
        if (sent) {
            add(block, 'S', c.sentMsgs(), prefix + (both ? "send_msgs" : "msgs"), format.count(c.sentMsgs()));
        }
        if (received) {
            add(block, 'S', c.receivedMsgs(), prefix + (both ? "recv_msgs" : "msgs"), format.count(c.receivedMsgs()));
        }
    }

    /** qperf's {@code verbose()}: lower case needs level 1, upper case level 2, and a positive value. */
    private void add(QperfFormat.Block block, char type, double value, String name, Value shown) {
        if (value <= 0 || Double.isNaN(value)) {
            return;
        }
        int level = switch (Character.toLowerCase(type)) {
            case 's' -> verbosity.stat();
            case 't' -> verbosity.time();
            default -> verbosity.used();
        };
        if (level >= (Character.isUpperCase(type) ? 2 : 1)) {
            block.add(name, shown);
        }
    }
}
