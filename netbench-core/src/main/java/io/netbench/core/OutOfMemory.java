package io.netbench.core;

import io.netty.util.internal.OutOfDirectMemoryError;

/**
 * Tells the two kinds of {@link OutOfMemoryError} apart. A failure to reserve direct memory for a
 * buffer fails that one allocation and leaves the process sound: the test or connection that
 * asked ends with an error, and the server goes on. Any other (the heap, metaspace, native
 * threads) may have struck anywhere, half-way through any state change: a server that hits one
 * must exit rather than linger half-dead, so that its supervisor restarts it, as
 * {@code -XX:+ExitOnOutOfMemoryError} would. Handlers that catch exceptions pass fatal ones on.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * Whether {@code failure} is, or was caused by, an {@link OutOfMemoryError} other than a
     * failed direct-buffer reservation.
     *
     * @param failure any throwable
     * @return {@code true} if the process should exit
     */
    public static boolean isFatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom && !isDirect(oom)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code error} says that direct buffer memory ran out: the JDK's
     * {@code Cannot reserve ... bytes of direct buffer memory} or Netty's {@link OutOfDirectMemoryError}.
     *
     * @param error an out-of-memory error
     * @return {@code true} if only that allocation failed
     */
    public static boolean isDirect(OutOfMemoryError error) {
        String message = error.getMessage();
        return error instanceof OutOfDirectMemoryError
                || message != null && message.contains("direct buffer memory");
    }
}
