package io.netbench.http.internal.script;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * One Lua state running a wrk script, with wrk's global {@code wrk} table: {@code scheme},
 * {@code host}, {@code port}, {@code method}, {@code path}, {@code headers}, {@code body},
 * {@code thread}, and the functions {@code wrk.format(method, path, headers, body)},
 * {@code wrk.lookup(host, service)} and {@code wrk.connect(addr)}. wrk runs one such state per
 * thread plus one for {@code setup} and {@code done}; so does netbench.
 */
final class ScriptState {
    final Globals globals = JsePlatform.standardGlobals();
    final LuaTable wrk = new LuaTable();

    ScriptState(String name, String source, URI uri, List<String> headers, PrintStream out) {
        globals.STDOUT = out;
        wrk.set("scheme", uri.getScheme());
        wrk.set("host", uri.getHost());
        wrk.set("port", uri.getPort() > 0 ? LuaValue.valueOf(Integer.toString(uri.getPort())) : LuaValue.NIL);
        wrk.set("method", "GET");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        wrk.set("path", uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        LuaTable table = new LuaTable();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                table.set(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        wrk.set("headers", table);
        wrk.set("format", new Format());
        wrk.set("lookup", new Lookup());
        wrk.set("connect", new Connect());
        globals.set("wrk", wrk);
        run(() -> globals.load(source, name).call());
    }

    /** The global function {@code name}, or {@code null} if the script does not define it. */
    LuaValue function(String name) {
        LuaValue f = globals.get(name);
        return f.isfunction() ? f : null;
    }

    /** Runs Lua code, turning a Lua error into a one-line exception with the script's message and line. */
    static <T> T run(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (LuaError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            // LuaJ words syntax errors as [string "name"]:line; wrk users know name:line.
            throw new ScriptException(message.replaceFirst("^\\[string \"([^\"]*)\"\\]", "$1").replaceFirst("^@", ""));
        }
    }

    /** The request text wrk.format() builds, with the state's wrk table as defaults. */
    String format(LuaValue method, LuaValue path, LuaValue headers, LuaValue body) {
        LuaValue m = method.isnil() ? wrk.get("method") : method;
        LuaValue p = path.isnil() ? wrk.get("path") : path;
        LuaTable h = headers.isnil() ? wrk.get("headers").checktable() : headers.checktable();
        LuaValue b = body.isnil() ? wrk.get("body") : body;
        if (h.get("Host").isnil()) {
            String host = wrk.get("host").tojstring();
            host = host.contains(":") ? "[" + host + "]" : host;
            h.set("Host", wrk.get("port").isnil() ? host : host + ":" + wrk.get("port").tojstring());
        }
        h.set("Content-Length", b.isnil() ? LuaValue.NIL : LuaValue.valueOf(b.length()));
        StringBuilder text = new StringBuilder().append(m.tojstring()).append(' ').append(p.tojstring())
                .append(" HTTP/1.1\r\n");
        for (LuaValue k = h.next(LuaValue.NIL).arg1(); !k.isnil(); k = h.next(k).arg1()) {
            text.append(k.tojstring()).append(": ").append(h.get(k).tojstring()).append("\r\n");
        }
        return text.append("\r\n").append(b.isnil() ? "" : b.tojstring()).toString();
    }

    private final class Format extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            return LuaValue.valueOf(format(args.arg(1), args.arg(2), args.arg(3), args.arg(4))
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** wrk.lookup(host, service): the addresses as {@code ip:port} strings. */
    private static final class Lookup extends TwoArgFunction {
        @Override
        public LuaValue call(LuaValue host, LuaValue service) {
            LuaTable addrs = new LuaTable();
            try {
                int i = 1;
                for (InetAddress a : InetAddress.getAllByName(host.tojstring())) {
                    addrs.set(i++, LuaValue.valueOf(new InetSocketAddress(a, Integer.parseInt(service.tojstring()))
                            .getAddress().getHostAddress() + ":" + service.tojstring()));
                }
            } catch (IOException | NumberFormatException e) {
                throw new LuaError("unable to resolve " + host.tojstring() + ":" + service.tojstring());
            }
            return addrs;
        }
    }

    /** wrk.connect(addr): whether a TCP connection to {@code ip:port} succeeds. */
    private static final class Connect extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue addr) {
            InetSocketAddress target = ThreadScript.address(addr.tojstring());
            try (Socket s = new Socket()) {
                s.connect(target, 2000);
                return LuaValue.TRUE;
            } catch (IOException e) {
                return LuaValue.FALSE;
            }
        }
    }
}
