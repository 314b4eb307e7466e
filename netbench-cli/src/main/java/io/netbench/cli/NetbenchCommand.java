package io.netbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code netbench} command. Without a subcommand it prints usage; each tool is a
 * subcommand class of its own, which reads its options (shared ones from mixins) and wires them
 * to the library's client or server and to a formatter. Failures end at {@link OneLineErrors}.
 */
@Command(name = "netbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network benchmarks in one jar: qperf-style TCP/UDP tests and wrk-style HTTP load,"
                + " client and server, through one forwarded port.",
        subcommands = {InfoCommand.class, SelftestCommand.class, ServerCommand.class, QperfCommand.class,
            WrkCommand.class, ReportCommand.class, MergeCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class})
public final class NetbenchCommand implements Runnable {
    /** Exit code for bad command-line input, as picocli's default. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a run that failed (dead server, timeout, I/O error). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a run that completed but breached a {@code --fail-on} threshold. */
    public static final int EXIT_THRESHOLD = 3;

    @Spec
    private CommandSpec spec;

    /** A command line with netbench's error handling: one line on stderr, never a stack trace. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new NetbenchCommand());
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        // qperf's options are single-dash words (-vu, -vvs, -oo): never read them as clustered letters.
        commandLine.getSubcommands().get("qperf").setPosixClusteredShortOptionsAllowed(false);
        // -V/--version on every subcommand prints what netbench --version prints.
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parsed -> QperfHelp.answer(parsed).orElseGet(() -> run.execute(parsed)));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
