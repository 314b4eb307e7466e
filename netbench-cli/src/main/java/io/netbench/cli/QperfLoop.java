package io.netbench.cli;

import io.netbench.cli.format.QperfParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One qperf {@code -oo/--loop Var:Init:Last:Incr}: the values a variable takes, qperf's way.
 * {@code Incr} {@code *N} multiplies, {@code N} or {@code +N} adds; {@code Init} defaults to 1 when
 * multiplying, else 0; the variable defaults to msg_size. Values are qperf sizes ({@code 4K}).
 */
record QperfLoop(QperfParam variable, List<Long> values) {
    /** Loop variables by the names qperf accepts for them. */
    private static final Map<String, QperfParam> VARIABLES = Map.of("msg_size", QperfParam.MSG_SIZE,
            "m", QperfParam.MSG_SIZE, "time", QperfParam.TIME, "t", QperfParam.TIME,
            "sock_buf_size", QperfParam.SOCK_BUF_SIZE, "sb", QperfParam.SOCK_BUF_SIZE);
    private static final int MAX_VALUES = 10_000;

    static QperfLoop parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("-oo " + spec + ": expected Var:Init:Last:Incr, e.g. msg_size:1:256K:*64");
        }
        String name = parts[0].isEmpty() ? "msg_size" : parts[0];
        QperfParam variable = VARIABLES.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("-oo " + spec + ": " + name + ": no such variable (expected "
                    + "msg_size, time or sock_buf_size)");
        }
        String incrText = parts.length == 4 ? parts[3] : "";
        boolean multiply = incrText.startsWith("*");
        String incrValue = multiply || incrText.startsWith("+") ? incrText.substring(1) : incrText;
        long incr = incrText.isEmpty() ? 0 : size(spec, incrValue);
        if (!incrText.isEmpty() && incr < 1) {
            throw new IllegalArgumentException("-oo " + spec + ": " + incrText + ": increment must be positive");
        }
        if (parts[2].isEmpty()) {
            throw new IllegalArgumentException("-oo " + spec + ": must specify limit");
        }
        long init = parts[1].isEmpty() ? (multiply ? 1 : 0) : size(spec, parts[1]);
        long last = size(spec, parts[2]);
        if (incr == 0 || (multiply && (incr == 1 || init == 0))) {
            throw new IllegalArgumentException("-oo " + spec + ": the loop never ends (give an increment like *64 or +1K)");
        }
        List<Long> values = new ArrayList<>();
        for (long v = init; v <= last; v = multiply ? v * incr : v + incr) {
            values.add(v);
            if (values.size() > MAX_VALUES) {
                throw new IllegalArgumentException("-oo " + spec + ": more than " + MAX_VALUES + " steps");
            }
        }
        return new QperfLoop(variable, List.copyOf(values));
    }

    private static long size(String spec, String text) {
        return OptionValues.qperfSize("-oo " + spec + ":", text);
    }
}
