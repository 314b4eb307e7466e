package io.netbench.cli;

import io.netbench.core.Ports;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One {@code compare --target NAME=HOST[:PORT][,http=PORT|URL]}: a labelled server, its qperf
 * port (default 19765) and the URL its HTTP test loads (default {@code http://HOST:8080/}).
 *
 * @param name the label, the column of the report
 * @param host the host name or address (IPv6 without brackets)
 * @param port the qperf port
 * @param http the URL of the http test
 */
record CompareTarget(String name, String host, int port, URI http) {
    private static final String FORM = "expected NAME=HOST[:PORT][,http=PORT|URL]";

    /**
     * Parses one {@code --target} value.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    static CompareTarget parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw bad(text, FORM);
        }
        String name = text.substring(0, eq);
        String rest = text.substring(eq + 1);
        String http = null;
        int comma = rest.indexOf(",http=");
        if (comma >= 0) {
            http = rest.substring(comma + ",http=".length());
            rest = rest.substring(0, comma);
        } else if (rest.contains(",")) {
            throw bad(text, FORM);
        }
        String host = rest;
        int port = QperfServer.DEFAULT_PORT;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                throw bad(text, FORM);
            }
            host = rest.substring(1, close);
            port = close + 2 <= rest.length() - 1 ? port(text, rest.substring(close + 2)) : port;
        } else if (rest.indexOf(':') > 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = port(text, rest.substring(rest.indexOf(':') + 1));
        }
        if (host.isBlank()) {
            throw bad(text, FORM);
        }
        return new CompareTarget(name, host, port, httpUri(text, host, http));
    }

    /** "10.0.0.1:19765" or "[::1]:19765". */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static URI httpUri(String text, String host, String http) {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        if (http == null || http.matches("\\d+")) {
            int port = http == null ? HttpBenchServer.DEFAULT_PORT : port(text, http);
            return URI.create("http://" + hostPart + ":" + port + "/");
        }
        try {
            URI uri = new URI(http);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw bad(text, "http=" + http + " is not a URL or port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw bad(text, "http=" + http + " is not a URL or port");
        }
    }

    private static int port(String text, String value) {
        try {
            return Ports.checkConnect("--target " + text + ": port", Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw bad(text, "bad port " + value);
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("--target " + text + ": " + why);
    }
}
