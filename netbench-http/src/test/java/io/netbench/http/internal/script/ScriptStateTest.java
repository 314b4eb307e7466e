package io.netbench.http.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;

/** The wrk table and the Lua states, as wrk 4.1 defines them. */
class ScriptStateTest {
    private static final URI URI_WITH_PORT = URI.create("http://127.0.0.1:8080/a?b=1#c");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private ScriptState state(String source) {
        return new ScriptState("t.lua", source, URI_WITH_PORT, List.of("X-Token: abc"), out);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void wrkTableDescribesTheUrl() {
        state("print(wrk.scheme, wrk.host, wrk.port, wrk.method, wrk.path, wrk.headers['X-Token'], wrk.body,"
                + " wrk.thread, type(wrk.format), type(wrk.lookup), type(wrk.connect), type(wrk.resolve),"
                + " type(wrk.setup), type(wrk.init), wrk.request)");
        assertEquals("http\t127.0.0.1\t8080\tGET\t/a?b=1#c\tabc\tnil\tnil\tfunction\tfunction\tfunction\tfunction"
                + "\tfunction\tfunction\tnil\n", printed());
        new ScriptState("t.lua", "print(wrk.host, wrk.port, wrk.path)", URI.create("http://[::1]"), List.of(), out);
        assertTrue(printed().endsWith("::1\tnil\t/\n"), printed());
    }

    @Test
    void initSetsTheHostHeaderAndDefinesRequest() {
        ScriptState s = state("wrk.method = 'POST'; wrk.body = 'hello'; before = wrk.format()"
                + " function init(args) print(args[0], args[1], #args, wrk.headers.Host) end");
        String before = s.globals.get("before").tojstring();
        assertFalse(before.contains("Host:"), "no Host before init, as in wrk: " + before);
        LuaTable args = new LuaTable();
        args.set(0, "http://url");
        args.set(1, "arg");
        s.wrk.get("init").call(args);
        assertEquals("http://url\targ\t1\t127.0.0.1:8080\n", printed());
        String text = s.wrk.get("request").call().tojstring();
        assertTrue(text.startsWith("POST /a?b=1#c HTTP/1.1\r\n"), text);
        assertTrue(text.contains("Host: 127.0.0.1:8080\r\n") && text.contains("Content-Length: 5\r\n"), text);
        assertTrue(text.contains("X-Token: abc\r\n") && text.endsWith("\r\n\r\nhello"), text);
    }

    @Test
    void formatWritesHostAndContentLengthIntoTheTableItUses() {
        state("local h = {Host = 'example'}; io.write(wrk.format('GET', '/x', h)); print(h['Content-Length'])"
                + " h = {}; io.write(wrk.format('PUT', '/y', h, 'abc')); print(h.Host, h['Content-Length'])");
        assertEquals("GET /x HTTP/1.1\r\nHost: example\r\n\r\nnil\n"
                + "PUT /y HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcnil\t3\n", printed());
    }

    @Test
    void lookupAndConnectUseAddressObjects() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            int port = listening.getLocalPort();
            state("local addrs = wrk.lookup('127.0.0.1', '" + port + "'); print(#addrs, type(addrs[1]),"
                    + " tostring(addrs[1]), wrk.connect(addrs[1]), ('%s'):format(addrs[1]))");
            assertEquals("1\tuserdata\t127.0.0.1:" + port + "\ttrue\t127.0.0.1:" + port + "\n", printed());
        }
        printed.reset();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        state("print(wrk.connect('127.0.0.1:" + closed + "'), #wrk.lookup('localhost', 'http') > 0)");
        assertEquals("false\ttrue\n", printed());
    }

    @Test
    void eachThreadHasItsOwnState() {
        String source = "n = 0; request = function() n = n + 1; return wrk.format(nil, '/' .. n) end";
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", 8080);
        ThreadScript a = new ThreadScript("t.lua", source, URI_WITH_PORT, List.of(), out, addr);
        ThreadScript b = new ThreadScript("t.lua", source, URI_WITH_PORT, List.of(), out, addr);
        a.init("http://url", List.of());
        b.init("http://url", List.of());
        a.nextRequest().release();
        a.nextRequest().release();
        String fromB = b.nextRequest().toString(StandardCharsets.ISO_8859_1);
        assertTrue(fromB.startsWith("GET /1 HTTP/1.1"), "b counts alone: " + fromB);
    }

    @Test
    void loadErrorsAreBadScriptsNamingTheLine() {
        ScriptException syntax = assertThrows(ScriptException.class, () -> state("x = = 1"));
        assertTrue(syntax.getMessage().startsWith("t.lua:1: "), syntax.getMessage());
        assertTrue(syntax.badScript());
        ScriptException runtime = assertThrows(ScriptException.class, () -> state("\nlocal x = nil + 1"));
        assertTrue(runtime.getMessage().startsWith("t.lua:2: "), runtime.getMessage());
        assertTrue(runtime.badScript());
    }
}
