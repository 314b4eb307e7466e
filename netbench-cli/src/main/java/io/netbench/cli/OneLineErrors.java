package io.netbench.cli;

import io.netbench.core.NetbenchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * netbench's one error story, told at the edge: every failure is one line on stderr,
 * {@code COMMAND: message}, never a stack trace.
 * <ul>
 * <li>Bad input exits {@link NetbenchCommand#EXIT_USAGE}: what picocli rejects (with a hint to
 * {@code --help}) and {@link IllegalArgumentException}, whose message names the option.</li>
 * <li>A run that failed exits {@link NetbenchCommand#EXIT_FAILURE} with its message:
 * {@link NetbenchException} and its kinds (the target; this machine's limits, saying what to
 * raise; an interrupt), other I/O failures, and the failures thrown on purpose with a message
 * for the user ({@link IllegalStateException}: a transport that is not available, a port that
 * cannot be bound; {@link UncheckedIOException}: a result file that cannot be written). The
 * command line's own file I/O says which option or file failed.</li>
 * <li>Anything else is a bug: exit {@code EXIT_FAILURE}, its type named before its message.</li>
 * </ul>
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        return print(cmd, firstLine(e.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')",
                NetbenchCommand.EXIT_USAGE);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        boolean meant = e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof IllegalStateException;
        String line = e.getMessage() == null ? e.getClass().getSimpleName()
                : meant ? firstLine(e.getMessage()) : e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        return print(cmd, line, e instanceof IllegalArgumentException ? NetbenchCommand.EXIT_USAGE
                : NetbenchCommand.EXIT_FAILURE);
    }

    private static int print(CommandLine cmd, String line, int exitCode) {
        cmd.getErr().println(cmd.getCommandName() + ": " + line);
        cmd.getErr().flush();
        return exitCode;
    }

    /**
     * {@return why a file could not be read or written, in the shell's words: "no such file or directory",
     * "permission denied", the file system's own reason, else the message}
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? firstLine(e.getMessage()) : e.getClass().getSimpleName();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
