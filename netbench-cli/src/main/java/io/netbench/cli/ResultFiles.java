package io.netbench.cli;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Reads the result files given on the command line (one or more documents each), with one-line errors. */
final class ResultFiles {
    private ResultFiles() {
    }

    /**
     * One result read from a file given on the command line.
     *
     * @param file the file
     * @param fileIndex the file's position among the files given
     * @param source how messages name it: the file, or the file and the document's number when the
     *               file holds several (as {@code kubectl logs} of several pods does)
     * @param run the result
     */
    record Loaded(Path file, int fileIndex, String source, RunResult run) {
    }

    /**
     * Every result in {@code files}, in order; a file may hold several documents.
     *
     * @throws IllegalArgumentException naming the file that cannot be read or is not a result
     */
    static List<Loaded> read(List<Path> files) {
        List<Loaded> loaded = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            List<RunResult> runs = readAll(file);
            for (int d = 0; d < runs.size(); d++) {
                String source = runs.size() == 1 ? file.toString() : file + " (document " + (d + 1) + ")";
                loaded.add(new Loaded(file, f, source, runs.get(d)));
            }
        }
        return loaded;
    }

    private static List<RunResult> readAll(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + OneLineErrors.reason(e) + ")");
        }
        try {
            return ResultJson.readAll(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /**
     * Writes {@code text} to {@code file} through a temporary file in the same directory moved over
     * it, so that a reader never sees half a result.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code runc.json} → {@code runc}. */
    static String label(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
