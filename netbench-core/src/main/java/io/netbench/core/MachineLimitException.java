package io.netbench.core;

/**
 * This machine cannot hold the run as asked: too few free file descriptors or local ports for the
 * connections, too little memory. The message says what to raise and how (e.g. {@code ulimit -n
 * 21024}); the arguments themselves were valid.
 */
public final class MachineLimitException extends NetbenchException {
    private static final long serialVersionUID = 1L;

    /**
     * A limit, named with what to raise.
     *
     * @param message one line naming the limit and how to raise it
     */
    public MachineLimitException(String message) {
        super(message);
    }
}
