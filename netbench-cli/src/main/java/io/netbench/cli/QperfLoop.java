package io.netbench.cli;

import io.netbench.core.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One qperf {@code -oo/--loop Var:Init:Last:Incr}: the values a variable takes, qperf's way.
 * {@code Incr} {@code *N} multiplies, {@code N} or {@code +N} adds; {@code Init} defaults to 1 when
 * multiplying, else 0; the variable defaults to msg_size. Values are qperf sizes ({@code 4K}).
 */
record QperfLoop(String variable, List<Long> values) {
    /** Loop variables and the canonical name each stands for. */
    static final Map<String, String> VARIABLES = Map.of("msg_size", "msg_size", "m", "msg_size",
            "time", "time", "t", "time", "sock_buf_size", "sock_buf_size", "sb", "sock_buf_size");
    private static final int MAX_VALUES = 10_000;

    static QperfLoop parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("-oo " + spec + ": expected Var:Init:Last:Incr, e.g. msg_size:1:256K:*64");
        }
        String name = parts[0].isEmpty() ? "msg_size" : parts[0];
        String variable = VARIABLES.get(name);
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
        try {
            return Sizes.parseQperf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-oo " + spec + ": " + e.getMessage());
        }
    }
}
