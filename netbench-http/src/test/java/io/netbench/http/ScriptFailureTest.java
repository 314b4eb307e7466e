package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaError;

/** A script's failure reaches the caller in one line, with the script's error, and Lua's, kept as causes. */
class ScriptFailureTest {
    private static HttpLoad load(HttpBenchServer server, String source) {
        return HttpLoad.to(URI.create("http://127.0.0.1:" + server.port() + "/")).threads(1).connections(1)
                .duration(Duration.ofMillis(300)).script(WrkScript.of("s.lua", source, List.of(),
                        new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void aScriptThatCannotRunIsABadArgumentAndAFailedHookAFailedRun() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> load(server, "x = = 1").run());
            assertTrue(bad.getMessage().startsWith("s.lua:1: "), bad.getMessage());
            assertEquals(bad.getMessage(), bad.getCause().getMessage());
            assertInstanceOf(LuaError.class, bad.getCause().getCause());

            HttpLoadException failed = assertThrows(HttpLoadException.class,
                    () -> load(server, "function response() error('boom') end").run());
            assertTrue(failed.getMessage().startsWith("s.lua:1: boom"), failed.getMessage());
            assertInstanceOf(LuaError.class, failed.getCause().getCause());
        }
    }
}
