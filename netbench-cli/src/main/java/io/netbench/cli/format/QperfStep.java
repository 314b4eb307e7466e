package io.netbench.cli.format;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one step of a qperf run asks for: the value of each of qperf's parameters on this side
 * ({@code loc_}) and on the server ({@code rem_}), 0 where nothing was asked, and which of them
 * the user set. qperf's {@code -vu} shows the parameters the user set, {@code -vvu} every one;
 * one whose sides differ shows as a {@code loc_} and a {@code rem_} row.
 *
 * @param values each parameter's value on both sides; a parameter left out is 0 on both
 * @param userSet the parameters the user set (an option, or a loop over it)
 */
public record QperfStep(Map<QperfParam, Sides> values, Set<QperfParam> userSet) {
    /** A step that asks for nothing and that the user set nothing of. */
    public static final QperfStep NONE = new QperfStep(Map.of(), Set.of());

    /** A value on this side and on the server. */
    public record Sides(long local, long remote) {
        static final Sides ZERO = new Sides(0, 0);
    }

    /** Copies the map and set, so that a step never changes. */
    public QperfStep {
        values = Map.copyOf(values);
        userSet = Set.copyOf(userSet);
    }

    /** This side's value of {@code param}. */
    public long local(QperfParam param) {
        return values.getOrDefault(param, Sides.ZERO).local();
    }

    /** The server's value of {@code param}. */
    public long remote(QperfParam param) {
        return values.getOrDefault(param, Sides.ZERO).remote();
    }

    /** This step with {@code param} at {@code value} on both sides. */
    public QperfStep with(QperfParam param, long value) {
        return with(param, value, value);
    }

    /** This step with {@code param} at {@code local} on this side and {@code remote} on the server. */
    public QperfStep with(QperfParam param, long local, long remote) {
        Map<QperfParam, Sides> changed = new EnumMap<>(QperfParam.class);
        changed.putAll(values);
        changed.put(param, new Sides(local, remote));
        return new QperfStep(changed, userSet);
    }

    /** This step with {@code params} marked as set by the user. */
    public QperfStep setByUser(Set<QperfParam> params) {
        Set<QperfParam> set = EnumSet.noneOf(QperfParam.class);
        set.addAll(userSet);
        set.addAll(params);
        return new QperfStep(values, set);
    }
}
