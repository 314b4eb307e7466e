package io.netbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr: bad input exits {@link NetbenchCommand#EXIT_USAGE}
 * with a hint to {@code --help}; a failed run exits {@link NetbenchCommand#EXIT_FAILURE}, or
 * {@code EXIT_USAGE} when the command rejected a value ({@link IllegalArgumentException}).
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandName() + ": " + firstLine(e.getMessage())
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return NetbenchCommand.EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        cmd.getErr().println(cmd.getCommandName() + ": " + firstLine(message));
        cmd.getErr().flush();
        return e instanceof IllegalArgumentException ? NetbenchCommand.EXIT_USAGE : NetbenchCommand.EXIT_FAILURE;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
