package io.netbench.cli;

import io.netbench.core.ResultJson;
import io.netbench.core.ResultMerger;
import io.netbench.core.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netbench merge a.json b.json ...}: the results of many clients as one, merged exactly. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge --json results of clients that ran the same test at the same time (e.g. a Kubernetes"
                + " Indexed Job): counts and rates add, histograms add, percentiles come from the merged histogram."
                + " The same run given twice is refused."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Result files written with --json (one or more documents each, e.g. kubectl logs of"
            + " several pods).")
    private List<Path> files;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        List<ResultFiles.Loaded> loaded = ResultFiles.read(files);
        RunResult merged = ResultMerger.merge(loaded.stream().map(ResultFiles.Loaded::run).toList(),
                loaded.stream().map(ResultFiles.Loaded::source).toList());
        PrintWriter out = output.open(spec);
        out.println(ResultJson.write(merged));
        out.flush();
        output.commit();
        return 0;
    }
}
