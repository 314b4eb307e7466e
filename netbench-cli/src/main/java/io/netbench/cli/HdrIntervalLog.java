package io.netbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code wrk --hdr-log FILE}: the run's latency as HdrHistogram's interval log, one histogram per
 * second of the run, in microseconds, readable by HdrHistogram's tools (HistogramLogReader,
 * HistogramLogAnalyzer).
 */
final class HdrIntervalLog implements AutoCloseable {
    private final PrintStream file;
    private final HistogramLogWriter writer;

    private HdrIntervalLog(PrintStream file, Instant started) {
        this.file = file;
        this.writer = new HistogramLogWriter(file);
        writer.outputLogFormatVersion();
        writer.outputStartTime(started.toEpochMilli());
        writer.setBaseTime(started.toEpochMilli());
        writer.outputLegend();
    }

    /**
     * Creates (or empties) {@code path} and writes the log's header.
     *
     * @throws IllegalArgumentException naming the option if the file cannot be written
     */
    static HdrIntervalLog open(Path path, Instant started) {
        try {
            return new HdrIntervalLog(new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8),
                    started);
        } catch (IOException e) {
            throw new IllegalArgumentException("--hdr-log " + path + ": cannot write (" + OneLineErrors.reason(e) + ")",
                    e);
        }
    }

    /** Adds the second of the run that ended {@code elapsed} after the start. */
    void interval(Duration elapsed, Histogram interval) {
        double end = elapsed.toNanos() / 1e9;
        writer.outputIntervalHistogram(Math.max(0, end - 1), end, interval, 1e6);
    }

    @Override
    public void close() {
        file.close();
    }
}
