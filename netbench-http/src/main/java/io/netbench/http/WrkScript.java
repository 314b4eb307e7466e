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

    /**
     * A script from text.
     *
     * @param name the script's name in error messages ({@code name:line: message})
     * @param source the Lua source
     * @param args what {@code init(args)} receives after the URL
     * @param output where the script's {@code print} and {@code io.write} go
     * @return the script
     */
    public static WrkScript of(String name, String source, List<String> args, PrintStream output) {
        return new WrkScript(name, source, args, output);
    }

    /**
     * A script from a file, named by the file's name.
     *
     * @param file the Lua file, UTF-8
     * @param args what {@code init(args)} receives after the URL
     * @param output where the script's {@code print} and {@code io.write} go
     * @return the script
     * @throws IOException if the file cannot be read
     */
    public static WrkScript load(Path file, List<String> args, PrintStream output) throws IOException {
        return new WrkScript(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), args,
                output);
    }

    /** {@return the script's name in error messages} */
    public String name() {
        return name;
    }

    /** {@return the Lua source} */
    public String source() {
        return source;
    }

    /** {@return the arguments {@code init(args)} receives after the URL} */
    public List<String> args() {
        return args;
    }

    /** {@return where the script's output goes} */
    public PrintStream output() {
        return output;
    }
}
