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

/** {@code netbench report}: tables, columns and rounds, formats, results of format version 1. */
class ReportCommandTest {
    /** Version 1 documents (netbench 0.1), one round each. */
    private static final Path V1 = Path.of("src/test/resources/report");
    /** Three targets of five rounds each, labelled target=NAME, kata without an HTTP run. */
    private static final Path ROUNDS = Path.of("src/test/resources/compare");

    private static String[] roundsFiles(String... before) {
        List<String> args = new java.util.ArrayList<>(List.of(before));
        for (String target : new String[] {"host", "runc", "kata"}) {
            args.add(ROUNDS.resolve(target + ".json").toString());
        }
        return args.toArray(String[]::new);
    }

    @Test
    void markdownTablesMatchTheGoldenFile() throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute(roundsFiles("report"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(ROUNDS.resolve("expected.md")), run.out());
    }

    @Test
    void csvMatchesTheGoldenFileAndGoesWhereOutputSays(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("report.csv");
        CliTestSupport.Run run = CliTestSupport.execute(roundsFiles("report", "-o", csv.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out(), "with -o nothing goes to stdout");
        assertEquals(Files.readString(ROUNDS.resolve("expected.csv")), Files.readString(csv));
    }

    @Test
    void versionOneFilesStillReport() throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute("report", V1.resolve("host.json").toString(),
                V1.resolve("kata.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Files.readString(V1.resolve("expected.md")), run.out());
    }

    @Test
    void htmlHasTheTablesVerdictsAndCharts() {
        CliTestSupport.Run run = CliTestSupport.execute(roundsFiles("report", "--format", "html"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
        assertTrue(run.out().contains("<th>runc</th>") && run.out().contains("no difference</td>")
                && run.out().contains("+25 % [+15 %, +40 %]</td>"), run.out());
        assertTrue(run.out().contains("<svg"), "the tcp_lat by msg_size chart");
    }

    @Test
    void jsonCarriesEveryCellWithItsVerdict() throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute(roundsFiles("report", "--format", "json"));
        assertEquals(0, run.exitCode(), run.err());
        java.util.Map<String, Object> doc = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(run.out());
        assertEquals("netbench-comparison/1", doc.get("format"));
        List<?> cells = (List<?>) doc.get("cells");
        assertEquals(Files.readString(ROUNDS.resolve("expected.csv")).lines().count() - 1, cells.size());
        assertTrue(cells.stream().anyMatch(c -> "difference".equals(((java.util.Map<?, ?>) c).get("verdict"))));
    }

    @Test
    void columnsGroupByLabelAndTheirResultsBecomeRounds() {
        CliTestSupport.Run byHost = CliTestSupport.execute(roundsFiles("report", "--by", "hostname"));
        assertEquals(0, byHost.exitCode(), byHost.err());
        assertTrue(byHost.out().contains("| msg_size | node-1 |") && byHost.out().contains("15 rounds"), byHost.out());
        CliTestSupport.Run named = CliTestSupport.execute(roundsFiles("report", "--label", "a", "--label", "a",
                "--label", "b"));
        assertTrue(named.out().contains("| msg_size | a | b |") && named.out().contains("10 rounds"), named.out());
        CliTestSupport.Run missing = CliTestSupport.execute(roundsFiles("report", "--by", "zone"));
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("report: ") && missing.err().contains("has no label zone"), missing.err());
    }

    @Test
    void chartsAreWellFormedSvgWithOneSeriesPerTarget(@TempDir Path dir) throws Exception {
        CliTestSupport.Run run = CliTestSupport.execute("report", "--svg-dir", dir.toString(),
                V1.resolve("host.json").toString(), V1.resolve("kata.json").toString());
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
                        i + "/2", "--label", "pod=c" + i, "--label", "runtime=runc", url);
                assertEquals(0, client.exitCode(), client.err());
                Files.writeString(dir.resolve("c" + i + ".json"), client.out());
            }
        }
        Path all = dir.resolve("all.json");
        CliTestSupport.Run merged = CliTestSupport.execute("merge", "-o", all.toString(),
                dir.resolve("c0.json").toString(), dir.resolve("c1.json").toString());
        assertEquals(0, merged.exitCode(), merged.err());
        RunResult sum = ResultJson.read(Files.readString(all));
        RunResult c0 = ResultJson.read(Files.readString(dir.resolve("c0.json")));
        RunResult c1 = ResultJson.read(Files.readString(dir.resolve("c1.json")));
        assertEquals("5", sum.tests().get(0).params().get("connections"), "3 + 2 connections");
        assertEquals(c0.tests().get(0).counts().get("requests") + c1.tests().get(0).counts().get("requests"),
                sum.tests().get(0).counts().get("requests"));
        assertEquals(java.util.Map.of("runtime", "runc"), sum.labels(), "the label both clients share");
        CliTestSupport.Run report = CliTestSupport.execute("report", all.toString());
        assertTrue(report.out().contains("### HTTP -t4 -c5 (1 round)"), report.out());
        CliTestSupport.Run twice = CliTestSupport.execute("merge", dir.resolve("c0.json").toString(),
                dir.resolve("c1.json").toString(), dir.resolve("c0.json").toString());
        assertEquals(2, twice.exitCode());
        assertEquals("merge: " + dir.resolve("c0.json") + " repeats run " + c0.runId() + " of " + dir.resolve("c0.json")
                + "\n", twice.err());
    }

    @Test
    void badFilesAndMismatchesAreOneLine(@TempDir Path dir) throws Exception {
        CliTestSupport.Run missing = CliTestSupport.execute("report", "no-such.json");
        assertEquals(2, missing.exitCode());
        assertEquals("report: no-such.json: cannot read (no such file or directory)\n", missing.err());
        Path banner = dir.resolve("pod.json");
        Files.writeString(banner, "Picked up JAVA_TOOL_OPTIONS: -Xmx256m\n"
                + Files.readString(ROUNDS.resolve("host.json")));
        CliTestSupport.Run logs = CliTestSupport.execute("merge", banner.toString());
        assertEquals(2, logs.exitCode());
        assertTrue(logs.err().startsWith("merge: " + banner + ": line 1 is not JSON: 'Picked up JAVA_TOOL_OPTIONS"),
                logs.err());
        CliTestSupport.Run mismatch = CliTestSupport.execute("merge", V1.resolve("host.json").toString(),
                V1.resolve("expected.md").toString());
        assertEquals(2, mismatch.exitCode());
        assertEquals(1, mismatch.err().lines().count(), mismatch.err());
        CliTestSupport.Run format = CliTestSupport.execute("report", "--format", "pdf", "x.json");
        assertEquals(2, format.exitCode());
        assertTrue(List.of(format.err().split("\n")).get(0).contains("expected md, html, csv or json"), format.err());
        CliTestSupport.Run nowhere = CliTestSupport.execute(roundsFiles("report", "-o", "/no/such/dir/r.md"));
        assertEquals(2, nowhere.exitCode());
        assertEquals("report: -o /no/such/dir/r.md: cannot write there (no such directory, or not writable)\n",
                nowhere.err());
    }

    @Test
    void aFileOfSeveralDocumentsIsReadWholeAndColumnsCanJoinLabels(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs.json");
        Files.writeString(logs, Files.readString(ROUNDS.resolve("host.json")) + "\n"
                + Files.readString(ROUNDS.resolve("runc.json")) + "\n");
        CliTestSupport.Run byTarget = CliTestSupport.execute("report", logs.toString());
        assertEquals(0, byTarget.exitCode(), byTarget.err());
        assertTrue(byTarget.out().contains("| msg_size | host | runc |"), byTarget.out());
        CliTestSupport.Run joined = CliTestSupport.execute("report", "--by", "target,hostname", logs.toString());
        assertTrue(joined.out().contains("| msg_size | host/node-1 | runc/node-1 |"), joined.out());
        CliTestSupport.Run missing = CliTestSupport.execute("report", "--by", "target,zone", logs.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("report: " + logs + " (document 1) has no label zone\n", missing.err());
        CliTestSupport.Run twice = CliTestSupport.execute("merge", logs.toString(), ROUNDS.resolve("runc.json").toString());
        assertEquals(2, twice.exitCode());
        assertEquals("merge: " + ROUNDS.resolve("runc.json") + " repeats run run-runc of " + logs + " (document 2)\n",
                twice.err());
    }
}
