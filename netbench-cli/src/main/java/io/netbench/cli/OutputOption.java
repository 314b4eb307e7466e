package io.netbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code -o/--output FILE} option of the commands that print results, as a picocli mixin.
 * Without it results go to stdout (and nothing else does: notices and progress go to stderr).
 * With it they are collected and written to FILE once the command has succeeded, through a
 * temporary file in the same directory that is then moved over FILE, so a reader never sees
 * half a result. FILE's directory is checked before anything runs.
 */
final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the results to FILE instead of stdout (with --json: the JSON).")
    private Path file;

    private StringWriter buffer;

    /** The file asked for, or null for stdout. */
    Path file() {
        return file;
    }

    /**
     * Where the command writes its results: stdout, or a buffer for {@link #commit()}.
     *
     * @throws IllegalArgumentException if FILE's directory does not exist or is not writable
     */
    PrintWriter open(CommandSpec spec) {
        if (file == null) {
            return spec.commandLine().getOut();
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("-o " + file + ": cannot write there (no such directory, or not"
                    + " writable)");
        }
        buffer = new StringWriter();
        return new PrintWriter(buffer, true);
    }

    /** Writes what was collected to FILE (nothing to do for stdout). */
    void commit() {
        if (buffer == null) {
            return;
        }
        try {
            ResultFiles.writeAtomically(file, buffer.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("-o " + file + ": cannot write (" + OneLineErrors.reason(e) + ")", e);
        }
    }
}
