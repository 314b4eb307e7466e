package io.netbench.tcp;

/** Runs a QperfServer in another process (inside a network namespace) until stdin closes. */
public final class NamespacedQperfServer {
    private NamespacedQperfServer() {
    }

    public static void main(String[] args) throws Exception {
        try (QperfServer server = QperfServer.builder().port(Integer.parseInt(args[0])).threads(1).build()) {
            System.out.println("listening " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
