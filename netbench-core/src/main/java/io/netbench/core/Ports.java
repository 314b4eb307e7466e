package io.netbench.core;

/**
 * The range check of a TCP or UDP port option, with one wording for every builder and command:
 * {@code <option> <value>: expected a port 0..65535}.
 *
 * <p>A port something listens on may be 0, which asks the system for any free port; a port to
 * connect to may not. Each check returns the port it was given, so that it can stand in an
 * assignment:
 *
 * <pre>{@code
 * this.port = Ports.checkListen("--http-port", port);
 * }</pre>
 */
public final class Ports {
    private static final int MAX = 65535;

    private Ports() {
    }

    /**
     * Checks a port to listen on: 0 (any free port) to 65535.
     *
     * @param option the option as the user wrote it, for the message, e.g. {@code "port"} or {@code "-lp"}
     * @param port the value given
     * @return {@code port}
     * @throws IllegalArgumentException naming the option and the value, if it is out of range
     */
    public static int checkListen(String option, int port) {
        return check(option, port, 0);
    }

    /**
     * Checks a port to connect to: 1 to 65535.
     *
     * @param option the option as the user wrote it, for the message, e.g. {@code "port"} or {@code "-lp"}
     * @param port the value given
     * @return {@code port}
     * @throws IllegalArgumentException naming the option and the value, if it is out of range
     */
    public static int checkConnect(String option, int port) {
        return check(option, port, 1);
    }

    private static int check(String option, int port, int min) {
        if (port < min || port > MAX) {
            throw new IllegalArgumentException(option + " " + port + ": expected a port " + min + ".." + MAX);
        }
        return port;
    }
}
