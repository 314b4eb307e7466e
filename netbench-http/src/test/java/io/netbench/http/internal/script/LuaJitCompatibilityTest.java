package io.netbench.http.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts that print what LuaJIT-specific behaviour gives, run under Debian's {@code luajit} (the
 * Lua of Debian's wrk) and under netbench's Lua: every line must be the same. The expected output
 * comes from the real tool at test time, so the cases cannot drift from it.
 */
class LuaJitCompatibilityTest {
    @ParameterizedTest
    @ValueSource(strings = {"format.lua", "lua51.lua"})
    void printsWhatLuaJitPrints(String script) throws Exception {
        Path luajit = ExternalTools.require("luajit");
        Path file = fixture(script);
        List<String> expected = luajit(luajit, file);
        List<String> actual = netbench(file);
        assertTrue(expected.size() > 10, "LuaJIT ran the cases: " + expected);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            assertEquals(i < expected.size() ? expected.get(i) : null, i < actual.size() ? actual.get(i) : null,
                    script + " line " + (i + 1) + " of the output");
        }
    }

    /** The examples of issue #21, checked without LuaJIT too. */
    @Test
    void numbersPrintAsInLuaJit() throws Exception {
        assertEquals(List.of("3\t9.007199254741e+15\t0.33333333333333", "50%,1.13,ff,0.1"),
                run("print(3, 2^53, 1/3) io.write(string.format('%g%%,%.2f,%x,%s', 50, 1.125, 255, 0.1), '\\n')"));
    }

    /** Lua 5.0's name that LuaJIT 2.1 dropped too, kept for old scripts. */
    @Test
    void gfindIsGmatch() {
        assertEquals(List.of("a=1 b=2 "), run("for k, v in string.gfind('a=1, b=2', '(%w+)=(%w+)') do"
                + " io.write(k, '=', v, ' ') end print()"));
    }

    @Test
    void unsupportedFeaturesNameThemselvesAndTheLine() throws Exception {
        for (String source : List.of("local ffi = require('ffi')", "jit.off()", "require 'jit.opt'",
                "debug.traceback()", "module('m')", "setfenv(1, {})")) {
            ScriptException e = assertThrows(ScriptException.class, () -> run("\n" + source), source);
            assertTrue(e.badScript(), source);
            assertTrue(e.getMessage().startsWith("t.lua:2: ") && e.getMessage().contains(" is not supported by"
                    + " netbench ("), e.getMessage());
        }
        assertEquals(List.of("false\ttrue\ttable"), run("local ok, err = pcall(require, 'ffi')"
                + " print(ok, err:find('ffi') ~= nil, type(jit))"));
    }

    private static List<String> run(String source) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new ScriptState("t.lua", source, URI.create("http://127.0.0.1:8080/"), List.of(),
                new PrintStream(printed, true, StandardCharsets.ISO_8859_1));
        return printed.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(LuaJitCompatibilityTest.class.getResource("/script/" + name).toURI());
    }

    /** The lines {@code luajit NAME} prints, run in the script's directory so errors name it as we do. */
    private static List<String> luajit(Path luajit, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(luajit.toString(), file.getFileName().toString())
                .directory(file.getParent().toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.ISO_8859_1));
        return new String(out, StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static List<String> netbench(Path file) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new ScriptState(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1),
                URI.create("http://127.0.0.1:8080/"), List.of(), new PrintStream(printed, true,
                StandardCharsets.ISO_8859_1));
        return printed.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }
}
