package io.netbench.cli;

import io.netbench.cli.format.QperfOutput.Verbosity;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * qperf's {@code -v} family as a picocli mixin: one table of the flags, each raising one kind of
 * detail (conf, statistics, times, used parameters), or all of them, to level 1 or 2. The levels
 * asked for add up as qperf adds them: {@code -v -vvu} is level 1 everywhere and 2 for used
 * parameters. The flags become options of the command that mixes this in (through the model
 * transformer below), each with its own names and help line.
 */
@Command(modelTransformer = QperfVerbosityOption.AddFlags.class)
final class QperfVerbosityOption {
    /** The kinds of detail, as {@link Verbosity} has a level for each. */
    private enum Kind { CONF, STAT, TIME, USED }

    /** The flags, in qperf's order; {@code kind} null raises every kind; no description hides a flag. */
    private enum Flag {
        V("-v", "--verbose", null, 1, "More output (= -vc -vs -vt -vu)."),
        VC("-vc", "--verbose_conf", Kind.CONF, 1, "Show configuration."),
        VS("-vs", "--verbose_stat", Kind.STAT, 1, "Show statistics."),
        VT("-vt", "--verbose_time", Kind.TIME, 1, "Show times and CPU."),
        VU("-vu", "--verbose_used", Kind.USED, 1, "Show the parameters set."),
        VV("-vv", "--verbose_more", null, 2, "Even more output."),
        VVC("-vvc", "--verbose_more_conf", Kind.CONF, 2, null),
        VVS("-vvs", "--verbose_more_stat", Kind.STAT, 2, "More statistics."),
        VVT("-vvt", "--verbose_more_time", Kind.TIME, 2, "More times and CPU."),
        VVU("-vvu", "--verbose_more_used", Kind.USED, 2, "Show every parameter used.");

        private final String[] names;
        private final Kind kind;
        private final int level;
        private final String description;

        Flag(String name, String longName, Kind kind, int level, String description) {
            this.names = new String[] {name, longName};
            this.kind = kind;
            this.level = level;
            this.description = description;
        }

        /** The level this flag, if given, asks for {@code kind}. */
        int levelOf(Kind kind) {
            return this.kind == null || this.kind == kind ? level : 0;
        }
    }

    private final Set<Flag> given = EnumSet.noneOf(Flag.class);

    /** The levels the flags given ask for. */
    Verbosity verbosity() {
        return new Verbosity(level(Kind.CONF), level(Kind.STAT), level(Kind.TIME), level(Kind.USED));
    }

    private int level(Kind kind) {
        return given.stream().mapToInt(flag -> flag.levelOf(kind)).max().orElse(0);
    }

    /** Adds an option per {@link Flag} to the command that mixes in a {@link QperfVerbosityOption}. */
    static final class AddFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            QperfVerbosityOption mixin = find(command);
            for (Flag flag : Flag.values()) {
                command.addOption(OptionSpec.builder(flag.names).arity("0").type(boolean.class)
                        .description(flag.description == null ? new String[0] : new String[] {flag.description})
                        .hidden(flag.description == null).getter(mixin.getter(flag)).setter(mixin.setter(flag)).build());
            }
            return command;
        }

        private static QperfVerbosityOption find(CommandSpec spec) {
            for (CommandSpec mixin : spec.mixins().values()) {
                QperfVerbosityOption found = mixin.userObject() instanceof QperfVerbosityOption v ? v : find(mixin);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    private IGetter getter(Flag flag) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) Boolean.valueOf(given.contains(flag));
            }
        };
    }

    private ISetter setter(Flag flag) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                boolean was = given.contains(flag);
                if (Boolean.TRUE.equals(value)) {
                    given.add(flag);
                } else {
                    given.remove(flag);
                }
                @SuppressWarnings("unchecked")
                T previous = (T) Boolean.valueOf(was);
                return previous;
            }
        };
    }
}
