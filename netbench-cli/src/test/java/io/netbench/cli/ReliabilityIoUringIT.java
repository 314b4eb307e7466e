package io.netbench.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;

/**
 * The reliability suite again, against a server on io_uring ({@code --transport io_uring}): the
 * transport to choose for an HTTP server at thousands of connections (see the README), so it
 * takes the same abuse. Skipped where this JVM cannot use io_uring (an old kernel, a seccomp
 * profile that blocks it), as the server could not either.
 */
class ReliabilityIoUringIT extends ReliabilityIT {
    @Override
    String transport() {
        assumeTrue(TransportType.IO_URING.isAvailable(), TransportType.IO_URING.availabilityText());
        return "io_uring";
    }
}
