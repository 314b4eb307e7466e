package io.netbench.http.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.luaj.vm2.LuaValue;
import org.junit.jupiter.api.Test;

class ScriptStateTest {
    private static final URI URI_WITH_PORT = URI.create("http://127.0.0.1:8080/a?b=1");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private ScriptState state(String source) {
        return new ScriptState("t.lua", source, URI_WITH_PORT, List.of("X-Token: abc"), out);
    }

    @Test
    void wrkTableDescribesTheUrl() {
        ScriptState s = state("print(wrk.scheme, wrk.host, wrk.port, wrk.method, wrk.path, wrk.headers['X-Token'],"
                + " wrk.body)");
        assertEquals("http\t127.0.0.1\t8080\tGET\t/a?b=1\tabc\tnil\n", printed.toString(StandardCharsets.UTF_8));
        assertTrue(s.wrk.get("format").isfunction());
    }

    @Test
    void formatUsesTheTableAndAddsHostAndContentLength() {
        ScriptState s = state("wrk.method = 'POST'; wrk.body = 'hello'");
        String text = s.format(LuaValue.NIL, LuaValue.NIL, LuaValue.NIL, LuaValue.NIL);
        assertTrue(text.startsWith("POST /a?b=1 HTTP/1.1\r\n"), text);
        assertTrue(text.contains("Host: 127.0.0.1:8080\r\n") && text.contains("Content-Length: 5\r\n"), text);
        assertTrue(text.contains("X-Token: abc\r\n") && text.endsWith("\r\n\r\nhello"), text);
        state("io.write(wrk.format('GET', '/x', {Host = 'example'}))");
        assertEquals("GET /x HTTP/1.1\r\nHost: example\r\n\r\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lookupAndConnect() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            int port = listening.getLocalPort();
            state("local addrs = wrk.lookup('127.0.0.1', '" + port + "'); print(#addrs, addrs[1],"
                    + " wrk.connect(addrs[1]))");
            assertEquals("1\t127.0.0.1:" + port + "\ttrue\n", printed.toString(StandardCharsets.UTF_8));
        }
        printed.reset();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        state("print(wrk.connect('127.0.0.1:" + closed + "'))");
        assertEquals("false\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachThreadHasItsOwnState() {
        String source = "n = 0; request = function() n = n + 1; return wrk.format(nil, '/' .. n) end";
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", 8080);
        ThreadScript a = new ThreadScript("t.lua", source, URI_WITH_PORT, List.of(), out, addr);
        ThreadScript b = new ThreadScript("t.lua", source, URI_WITH_PORT, List.of(), out, addr);
        a.init(List.of());
        b.init(List.of());
        a.next().release();
        a.next().release();
        String fromB = b.next().toString(StandardCharsets.ISO_8859_1);
        assertTrue(fromB.startsWith("GET /2 HTTP/1.1"), "b counts alone (init's probe was /1): " + fromB);
    }

    @Test
    void syntaxErrorsNameTheScriptAndLine() {
        ScriptException e = assertThrows(ScriptException.class, () -> state("x = = 1"));
        assertTrue(e.getMessage().startsWith("t.lua:1"), e.getMessage());
    }
}
