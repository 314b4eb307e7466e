package io.netbench.cli;

import io.netbench.cli.format.WrkFormat;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What wrk stays silent about and netbench says on stderr: a constant rate not achieved, a run without one success. */
final class WrkNotices {
    private WrkNotices() {
    }

    /** The warning for a {@code -R} run that completed less than 90 % of its rate ({@code rate_shortfall}). */
    static Optional<String> rateShortfall(TestResult r) {
        if (r.counts().getOrDefault("rate_shortfall", 0L) == 0) {
            return Optional.empty();
        }
        long rate = Long.parseLong(r.params().get("rate"));
        double achieved = r.metric(Metric.REQUESTS_PER_SEC).orElse(0);
        return Optional.of(String.format(Locale.ROOT, "wrk: warning: -R %d asked, %s req/s achieved (%.0f %%): the"
                + " target or this client could not keep up, and the latencies include the wait for a free connection",
                rate, WrkFormat.fixed(achieved, 2), 100 * achieved / rate));
    }

    /** The last line of a run in which not a single request succeeded (every one an error or a 4xx/5xx). */
    static Optional<String> noSuccess(TestResult r) {
        long succeeded = r.counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("status_2") || e.getKey().startsWith("status_3"))
                .mapToLong(Map.Entry::getValue).sum();
        if (succeeded > 0) {
            return Optional.empty();
        }
        StringBuilder kinds = new StringBuilder();
        r.counts().forEach((k, v) -> {
            if (v > 0 && k.startsWith("errors_")) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(k.replace("errors_", "")).append(' ').append(v);
            }
        });
        return Optional.of("wrk: not a single request succeeded" + (kinds.length() == 0 ? " (no response at all)"
                : " (" + kinds + ")"));
    }
}
