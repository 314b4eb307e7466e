package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.http.HttpBenchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/report");

    @Test
    void markdownTableMatchesTheGoldenFile() throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute("report", FIXTURES.resolve("host.json").toString(),
                FIXTURES.resolve("kata.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(FIXTURES.resolve("expected.md")), run.out());
    }

    @Test
    void htmlHasTheSameTables() {
        CliTestSupport.Run run = CliTestSupport.execute("report", "--format", "html", "--label", "host", "--label",
                "kata vm", FIXTURES.resolve("host.json").toString(), FIXTURES.resolve("kata.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
        assertTrue(run.out().contains("<th>kata vm</th>") && run.out().contains("<td>17.9 (+43%)</td>"), run.out());
    }

    @Test
    void chartsAreWellFormedSvgWithOneSeriesPerTarget(@TempDir Path dir) throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute("report", "--svg-dir", dir.toString(),
                FIXTURES.resolve("host.json").toString(), FIXTURES.resolve("kata.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Path> charts;
        try (var files = Files.list(dir)) {
            charts = files.sorted().toList();
        }
        assertEquals(List.of("tcp_bw-by-msg-size.svg", "tcp_lat-by-msg-size.svg"),
                charts.stream().map(p -> p.getFileName().toString()).toList());
        for (Path chart : charts) {
            org.w3c.dom.Document svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(chart.toFile());
            assertEquals("svg", svg.getDocumentElement().getNodeName());
            assertEquals(2, svg.getElementsByTagName("polyline").getLength(), chart.toString());
        }
    }

    @Test
    void mergeOfClientsAddsUpAndReportReadsIt(@TempDir Path dir) throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            for (int i = 0; i < 2; i++) {
                CliTestSupport.Run client = CliTestSupport.execute("wrk", "-t2", "-c5", "-d1", "--json", "--share",
                        i + "/2", url);
                assertEquals(0, client.exitCode(), client.err());
                Files.writeString(dir.resolve("c" + i + ".json"), client.out());
            }
        }
        CliTestSupport.Run merged = CliTestSupport.execute("merge", dir.resolve("c0.json").toString(),
                dir.resolve("c1.json").toString());
        assertEquals(0, merged.exitCode(), merged.err());
        RunResult all = ResultJson.read(merged.out());
        RunResult c0 = ResultJson.read(Files.readString(dir.resolve("c0.json")));
        RunResult c1 = ResultJson.read(Files.readString(dir.resolve("c1.json")));
        assertEquals("5", all.tests().get(0).params().get("connections"), "3 + 2 connections");
        assertEquals(c0.tests().get(0).counts().get("requests") + c1.tests().get(0).counts().get("requests"),
                all.tests().get(0).counts().get("requests"));
        Files.writeString(dir.resolve("all.json"), merged.out());
        CliTestSupport.Run report = CliTestSupport.execute("report", dir.resolve("all.json").toString());
        assertTrue(report.out().contains("### HTTP requests/sec"), report.out());
    }

    @Test
    void badFilesAndMismatchesAreOneLine() {
        CliTestSupport.Run missing = CliTestSupport.execute("report", "no-such.json");
        assertEquals(2, missing.exitCode());
        assertEquals("report: no-such.json: cannot read (NoSuchFileException)\n", missing.err());
        CliTestSupport.Run mismatch = CliTestSupport.execute("merge", FIXTURES.resolve("host.json").toString(),
                FIXTURES.resolve("expected.md").toString());
        assertEquals(2, mismatch.exitCode());
        assertEquals(1, mismatch.err().lines().count(), mismatch.err());
        CliTestSupport.Run format = CliTestSupport.execute("report", "--format", "pdf", "x.json");
        assertEquals(2, format.exitCode());
        assertTrue(List.of(format.err().split("\n")).get(0).contains("expected md or html"), format.err());
    }
}
