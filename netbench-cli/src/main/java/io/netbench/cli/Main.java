package io.netbench.cli;

/**
 * The entry point of {@code java -jar netbench.jar}: the only place that calls System.exit (and,
 * on a fatal out-of-memory error, {@link ProcessErrors} halts).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Netty's leak detector wraps a sample of buffers and records their use: a cost on the hot
        // path a measuring tool should not pay. The library keeps Netty's default; -D... overrides.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        ProcessErrors.install(System.err);
        System.exit(NetbenchCommand.newCommandLine().execute(args));
    }
}
