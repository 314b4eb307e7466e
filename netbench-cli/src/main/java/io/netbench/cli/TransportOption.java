package io.netbench.cli;

import io.netbench.core.TransportType;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --transport} option of the commands that open sockets, as a picocli mixin. */
final class TransportOption {
    @Option(names = "--transport", paramLabel = "NAME", description = "auto (default), epoll, nio or io_uring.")
    private String name = "auto";

    /**
     * The transport asked for; {@code auto} falling back to NIO says why on {@code err}.
     *
     * @throws IllegalArgumentException for an unknown transport (exit 2)
     * @throws IllegalStateException for one that is not available here, never falling back (exit 1)
     */
    TransportType select(PrintWriter err) {
        return TransportType.select(name, err::println);
    }
}
