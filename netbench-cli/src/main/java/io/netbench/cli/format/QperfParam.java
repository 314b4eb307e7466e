package io.netbench.cli.format;

import io.netbench.cli.format.QperfFormat.Value;
import java.util.function.BiFunction;

/**
 * qperf's parameters that a step asks the test to use, in the order qperf's {@code -vu} rows show
 * them ({@code show_used}), each with its name there and how qperf prints its value.
 */
public enum QperfParam {
    ACCESS_RECV("access_recv", QperfFormat::count),
    /** The CPU counted from 1 as qperf counts it, 0 for none. */
    AFFINITY("affinity", QperfFormat::count),
    MSG_SIZE("msg_size", QperfFormat::size),
    PORT("port", QperfFormat::count),
    SOCK_BUF_SIZE("sock_buf_size", QperfFormat::size),
    /** Seconds. */
    TIME("time", QperfFormat::time),
    /** Seconds. */
    TIMEOUT("timeout", QperfFormat::time);

    private final String qperfName;
    private final BiFunction<QperfFormat, Long, Value> shown;

    QperfParam(String qperfName, BiFunction<QperfFormat, Long, Value> shown) {
        this.qperfName = qperfName;
        this.shown = shown;
    }

    /** The name in qperf's rows and in its {@code -oo} loops, e.g. {@code msg_size}. */
    public String qperfName() {
        return qperfName;
    }

    Value shown(QperfFormat format, long value) {
        return shown.apply(format, value);
    }
}
