package io.netbench.cli;

import io.netbench.core.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --label KEY=VALUE} option of the commands that measure, as a picocli mixin. */
final class LabelOption {
    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Label the results (repeatable), e.g. --label runtime=kata; reports group columns by labels.")
    private List<String> pairs = new ArrayList<>();

    /**
     * The labels given, in order.
     *
     * @throws IllegalArgumentException naming a malformed pair
     */
    Map<String, String> labels() {
        return Labels.parse(pairs);
    }
}
