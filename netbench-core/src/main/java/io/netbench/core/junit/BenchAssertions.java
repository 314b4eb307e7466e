package io.netbench.core.junit;

import io.netbench.core.TestResult;
import io.netbench.core.Threshold;
import io.netbench.core.ThresholdCheck;
import io.netbench.core.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assertions on a result that read like the thresholds of {@code --fail-on}, but state what must
 * hold: {@code assertMeets(result, "p99 < 5ms, errors == 0, rps > 1000")}. The grammar is
 * {@link Threshold}'s (blanks allowed). A requirement fails when its condition does not hold, when
 * its figure was not measured (no request succeeded) and when the result has no such figure.
 */
public final class BenchAssertions {
    private BenchAssertions() {
    }

    /**
     * Asserts that a result meets every requirement.
     *
     * @param result a test's result ({@code toTestResult} of the library's results)
     * @param requirements comma-separated, e.g. {@code "p99 < 5ms, errors == 0, rps > 1000"}
     * @throws AssertionError naming each requirement not met and the measured value
     * @throws IllegalArgumentException if a requirement does not parse
     */
    public static void assertMeets(TestResult result, String requirements) {
        List<String> failures = new ArrayList<>();
        for (Threshold t : Thresholds.parse(requirements).all()) {
            Optional<ThresholdCheck> check = t.check(result);
            if (check.isEmpty()) {
                failures.add(t.text() + ": " + result.tool() + " " + result.test() + " has no figure " + t.name());
            } else if (Double.isNaN(check.get().value()) || !check.get().breached()) {
                failures.add(t.text() + " not met: " + t.name() + " = " + t.format(check.get().value()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("; ", failures) + " (" + result.tool() + " " + result.test() + " "
                    + result.params() + ")");
        }
    }
}
