package io.netbench.http.internal.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The global {@code wrk} table as wrk 4.1 defines it in each Lua state: {@code scheme},
 * {@code host}, {@code port} (a string, nil without one in the URL), {@code method},
 * {@code path} (everything from the URL's path on), {@code headers} (from {@code -H "Name: value"}),
 * {@code body}, {@code thread}; {@code wrk.lookup}, {@code wrk.connect}, {@code wrk.format}, and
 * the steps wrk itself calls: {@code wrk.resolve} (sets {@code wrk.addrs}), {@code wrk.setup}
 * (sets {@code thread.addr}, then calls {@code setup}) and {@code wrk.init} (sets the Host header,
 * calls {@code init}, then defines {@code wrk.request()} to return the request built then).
 */
final class WrkTable {
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private WrkTable() {
    }

    static LuaTable create(Globals globals, URI uri, List<String> headers) {
        LuaTable wrk = new LuaTable();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        wrk.set("scheme", uri.getScheme());
        wrk.set("host", host);
        wrk.set("port", uri.getPort() < 0 ? LuaValue.NIL : LuaValue.valueOf(Integer.toString(uri.getPort())));
        wrk.set("method", "GET");
        wrk.set("path", path(uri));
        LuaTable headerTable = new LuaTable();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headerTable.set(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        wrk.set("headers", headerTable);
        wrk.set("lookup", new LuaLambda(args -> lookup(args.checkjstring(1), args.checkjstring(2))));
        wrk.set("connect", new LuaLambda(args -> LuaValue.valueOf(connects(WrkAddr.check(args.arg1(), "connect")))));
        wrk.set("format", new LuaLambda(args -> format(wrk, args.arg(1), args.arg(2), args.arg(3), args.arg(4))));
        wrk.set("resolve", new LuaLambda(args -> {
            LuaTable addrs = lookup(args.checkjstring(1), args.checkjstring(2));
            for (int i = addrs.length(); i >= 1; i--) {
                if (!connects(WrkAddr.check(addrs.get(i), "connect"))) {
                    addrs.remove(i);
                }
            }
            wrk.set("addrs", addrs);
            return LuaValue.NONE;
        }));
        wrk.set("setup", new LuaLambda(args -> {
            args.arg1().set("addr", wrk.get("addrs").get(1));
            LuaValue setup = globals.get("setup");
            return setup.isfunction() ? setup.call(args.arg1()) : LuaValue.NONE;
        }));
        wrk.set("init", new LuaLambda(args -> {
            LuaTable table = wrk.get("headers").checktable();
            if (table.get("Host").isnil()) {
                String name = host.contains(":") ? "[" + host + "]" : host;
                table.set("Host", wrk.get("port").isnil() ? name : name + ":" + wrk.get("port").tojstring());
            }
            LuaValue init = globals.get("init");
            if (init.isfunction()) {
                init.call(args.arg1());
            }
            LuaValue request = format(wrk, LuaValue.NIL, LuaValue.NIL, LuaValue.NIL, LuaValue.NIL);
            wrk.set("request", new LuaLambda(none -> request));
            return LuaValue.NONE;
        }));
        return wrk;
    }

    /** wrk's path: the URL from its path on, query and fragment included; "/" when it has none. */
    private static String path(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return uri.getRawFragment() == null ? path : path + "#" + uri.getRawFragment();
    }

    /**
     * {@code wrk.format(method, path, headers, body)}: the request line, the headers (given, or
     * the wrk table's) with the wrk table's Host if they have none and a Content-Length for a
     * body, then the body. Like wrk it writes Host and Content-Length into the table it uses.
     */
    static LuaString format(LuaTable wrk, LuaValue method, LuaValue path, LuaValue headers, LuaValue body) {
        LuaValue m = method.toboolean() ? method : wrk.get("method");
        LuaValue p = path.toboolean() ? path : wrk.get("path");
        LuaValue h = headers.toboolean() ? headers : wrk.get("headers");
        LuaValue b = body.toboolean() ? body : wrk.get("body");
        if (!h.get("Host").toboolean()) {
            h.set("Host", wrk.get("headers").get("Host"));
        }
        h.set("Content-Length", b.toboolean() ? LuaValue.valueOf(LuaNumbers.printable(b).checkstring().length()) : b);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        append(text, m).write(' ');
        append(text, p).writeBytes(" HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (Varargs e = h.next(LuaValue.NIL); !e.arg1().isnil(); e = h.next(e.arg1())) {
            append(text, e.arg1()).writeBytes(new byte[] {':', ' '});
            append(text, e.arg(2)).writeBytes(new byte[] {'\r', '\n'});
        }
        text.writeBytes(new byte[] {'\r', '\n'});
        if (b.toboolean()) {
            append(text, b);
        }
        return LuaValue.valueOf(text.toByteArray());
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream out, LuaValue value) {
        LuaString s = value.type() == LuaValue.TSTRING || value.type() == LuaValue.TNUMBER
                ? LuaNumbers.printable(value).strvalue() : LuaValue.valueOf(value.tojstring());
        out.write(s.m_bytes, s.m_offset, s.m_length);
        return out;
    }

    /** {@code wrk.lookup(host, service)}: the host's addresses for the service (a port, "http" or "https"). */
    private static LuaTable lookup(String host, String service) {
        LuaTable addrs = new LuaTable();
        try {
            int port = switch (service) {
                case "http" -> 80;
                case "https" -> 443;
                default -> Integer.parseInt(service);
            };
            int i = 1;
            for (InetAddress a : InetAddress.getAllByName(host)) {
                addrs.set(i++, WrkAddr.of(new InetSocketAddress(a, port)));
            }
        } catch (IOException | NumberFormatException e) {
            throw ScriptError.raise("unable to resolve " + host + ":" + service + " " + (e instanceof NumberFormatException
                    ? "Servname not supported for ai_socktype" : "Name or service not known"), 1);
        }
        return addrs;
    }

    /** {@code wrk.connect(addr)}: whether a TCP connection to the address succeeds. */
    private static boolean connects(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
