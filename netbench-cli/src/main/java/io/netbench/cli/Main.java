package io.netbench.cli;

/** The entry point of {@code java -jar netbench.jar}: the only place that calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(NetbenchCommand.newCommandLine().execute(args));
    }
}
