package io.netbench.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A wrk Lua script with its arguments, run by {@link HttpLoad#script(WrkScript)} with wrk's
 * semantics: a {@code wrk} table per thread, {@code setup(thread)}, {@code init(args)},
 * {@code delay()}, {@code request()}, {@code response(status, headers, body)} and
 * {@code done(summary, latency, requests)}. Scripts run on LuaJ (Lua 5.2, pure Java); each thread
 * has its own Lua state, as in wrk. What the script prints goes to {@link #output()}.
 */
public final class WrkScript {
    private final String name;
    private final String source;
    private final List<String> args;
    private final PrintStream output;

    private WrkScript(String name, String source, List<String> args, PrintStream output) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.args = List.copyOf(args);
        this.output = Objects.requireNonNull(output, "output");
    }

    /** A script from text; {@code name} appears in error messages. */
    public static WrkScript of(String name, String source, List<String> args, PrintStream output) {
        return new WrkScript(name, source, args, output);
    }

    /** A script from a file. */
    public static WrkScript load(Path file, List<String> args, PrintStream output) throws IOException {
        return new WrkScript(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), args,
                output);
    }

    public String name() {
        return name;
    }

    String source() {
        return source;
    }

    /** The arguments {@code init(args)} receives. */
    public List<String> args() {
        return args;
    }

    public PrintStream output() {
        return output;
    }
}
