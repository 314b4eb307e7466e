package io.netbench.http.internal.client;

import io.netbench.http.HttpLoadException;
import io.netbench.http.HttpLoadOptions;
import io.netbench.http.HttpLoadResult;
import io.netbench.http.WrkScript;
import io.netbench.http.internal.script.ScriptException;
import io.netbench.http.internal.script.ScriptRun;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where each worker's requests come from in one run: one pre-encoded {@link RequestTemplate}
 * shared by every worker, or a wrk script's thread states ({@link ScriptRun}), whose hooks may fail
 * during the run and whose {@code done()} ends it. A script that cannot run here is bad input
 * ({@link IllegalArgumentException}); a hook that failed fails the run ({@link HttpLoadException}),
 * the script's error kept as the cause either way.
 */
final class RunSources implements AutoCloseable {
    /** The script's run, or null for a plain one. */
    private final ScriptRun script;
    private final List<RequestSource> workers;

    private RunSources(ScriptRun script, List<RequestSource> workers) {
        this.script = script;
        this.workers = workers;
    }

    /**
     * The sources of a run of {@code options}; a script's {@code setup()} and {@code init()} run now.
     *
     * @param address the target's resolved address (a script's {@code thread.addr} starts there)
     * @throws IllegalArgumentException if the script cannot run here
     * @throws HttpLoadException if a hook failed
     */
    static RunSources of(HttpLoadOptions options, InetSocketAddress address) throws HttpLoadException {
        WrkScript wrk = options.script();
        if (wrk == null) {
            return new RunSources(null, Collections.nCopies(options.threads(), RequestTemplate.of(options.method(),
                    options.uri(), options.headers(), options.body(), options.pipeline())));
        }
        try {
            ScriptRun run = new ScriptRun(wrk.name(), wrk.source(), wrk.args(), wrk.output(), options.uri(),
                    options.headers(), options.threads(), address);
            return new RunSources(run, IntStream.range(0, options.threads())
                    .mapToObj(i -> (RequestSource) new ScriptSource(run.thread(i))).toList());
        } catch (ScriptException e) {
            throw failure(e);
        }
    }

    /** {@return the requests of worker {@code i}} */
    RequestSource worker(int i) {
        return workers.get(i);
    }

    /** {@return whether a script hook has failed: the run should end} */
    boolean failed() {
        return script != null && script.error() != null;
    }

    /**
     * Reports a failed script hook.
     *
     * @throws HttpLoadException {@code name:line: message} if a hook has failed
     */
    void checkFailed() throws HttpLoadException {
        if (failed()) {
            throw failure(script.error());
        }
    }

    /**
     * Calls the script's {@code done(summary, latency, requests)} with {@code result}, if it has one.
     *
     * @throws HttpLoadException if {@code done} failed
     */
    void done(HttpLoadResult result) throws HttpLoadException {
        if (script == null) {
            return;
        }
        try {
            script.done(result.duration().toNanos() / 1000, result.requests(), result.bytes(), result.errors(),
                    result.latency().histogram(), result.requestRate());
        } catch (ScriptException e) {
            throw failure(e);
        }
    }

    /** Releases the pre-encoded requests (the template is shared: released once). */
    @Override
    public void close() {
        workers.stream().distinct().forEach(RequestSource::close);
    }

    private static HttpLoadException failure(ScriptException e) {
        if (e.badScript()) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new HttpLoadException(e.getMessage(), e);
    }
}
