package io.netbench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * wrk's error counts: each failure counted once, by the step of a request that failed. A failed
 * connection attempt is {@code connect}; a connection that broke while a request was being sent
 * is {@code write}, while its response was awaited or read is {@code read}; a response that did
 * not come within the timeout is {@code timeout}; a response with a status of 400 or above is
 * {@code status}. The first four are wrk's "socket errors".
 *
 * <p>The counts of several workers or clients combine with {@link #plus}, the one way they add up;
 * {@link #asCounts()} names them as a {@link TestResult} stores them.
 *
 * @param connect connections that could not be made
 * @param read connections that failed or closed while a response was due
 * @param write connections that failed while a request was written
 * @param timeout requests without a response within the timeout
 * @param status responses with status 400 or above
 */
public record ErrorCounts(long connect, long read, long write, long timeout, long status) {
    /** No errors. */
    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0);

    /**
     * Adds two sets of counts.
     *
     * @param other the counts to add
     * @return these counts and {@code other}'s added, kind by kind
     */
    public ErrorCounts plus(ErrorCounts other) {
        return new ErrorCounts(connect + other.connect, read + other.read, write + other.write,
                timeout + other.timeout, status + other.status);
    }

    /**
     * Subtracts counts taken earlier.
     *
     * @param earlier counts of the same run at an earlier time
     * @return what happened since, kind by kind
     */
    public ErrorCounts minus(ErrorCounts earlier) {
        return new ErrorCounts(connect - earlier.connect, read - earlier.read, write - earlier.write,
                timeout - earlier.timeout, status - earlier.status);
    }

    /**
     * Reads counts back from a result, the inverse of {@link #asCounts()}.
     *
     * @param counts a result's counts; kinds it lacks count 0
     * @return the errors they hold
     */
    public static ErrorCounts of(Map<String, Long> counts) {
        return new ErrorCounts(counts.getOrDefault("errors_connect", 0L), counts.getOrDefault("errors_read", 0L),
                counts.getOrDefault("errors_write", 0L), counts.getOrDefault("errors_timeout", 0L),
                counts.getOrDefault("errors_status", 0L));
    }

    /** {@return wrk's "Socket errors": connect, read, write and timeout (not status)} */
    public long socketErrors() {
        return connect + read + write + timeout;
    }

    /** {@return all errors, status included} */
    public long total() {
        return socketErrors() + status;
    }

    /**
     * {@return the counts named as a result stores them: {@code errors_connect}, {@code errors_read},
     * {@code errors_write}, {@code errors_timeout}, {@code errors_status}, in that order}
     */
    public Map<String, Long> asCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("errors_connect", connect);
        counts.put("errors_read", read);
        counts.put("errors_write", write);
        counts.put("errors_timeout", timeout);
        counts.put("errors_status", status);
        return counts;
    }
}
