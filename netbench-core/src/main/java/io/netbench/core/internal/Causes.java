package io.netbench.core.internal;

/**
 * Why a native library did not load, in one line: Netty wraps the reason in exceptions without a
 * message of their own ({@code UnsatisfiedLinkError}, {@code ExceptionInInitializerError}), so the
 * first cause that has a message is the one to show, and only its first line. Not public API.
 */
public final class Causes {
    private Causes() {
    }

    /**
     * @param cause what failed, or {@code null} when nothing says
     * @return the first line of the first message in its chain, its class's name when none has a
     *         message, or {@code "unknown cause"} for {@code null}
     */
    public static String firstLine(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
