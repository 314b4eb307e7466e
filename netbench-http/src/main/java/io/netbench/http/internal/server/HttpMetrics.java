package io.netbench.http.internal.server;

import io.netbench.core.ServerMetrics;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The HTTP server's side of {@code /metrics}: connections accepted and open and bytes in, counted
 * by {@link HttpBenchHandler} as it reads; bytes out and responses by status, read off the status
 * line of each response head as {@link ResponseQueue#write} writes it (so that what answers a
 * request needs no counting of its own). A {@link LongAdder} add per read and per write; no
 * allocation.
 */
final class HttpMetrics {
    private static final int MAX_STATUS = 599;

    private final ServerMetrics metrics;
    private final LongAdder accepted;
    private final LongAdder bytesIn;
    private final LongAdder bytesOut;
    private final AtomicReferenceArray<LongAdder> responses = new AtomicReferenceArray<>(MAX_STATUS + 1);

    /**
     * Counts into {@code metrics}.
     *
     * @param metrics the server's registry
     * @param open reads the connections open now
     */
    HttpMetrics(ServerMetrics metrics, IntSupplier open) {
        this.metrics = metrics;
        accepted = metrics.counter("netbench_http_connections_accepted_total", "HTTP connections accepted.", "");
        bytesIn = metrics.counter("netbench_http_received_bytes_total", "Bytes read from HTTP clients.", "");
        bytesOut = metrics.counter("netbench_http_sent_bytes_total", "Bytes written to HTTP clients.", "");
        metrics.gauge("netbench_http_connections_open", "HTTP connections open now.", "", open::getAsInt);
        // 200's counter exists from the start: created at a server's first response, it was a case
        // the code compiled during the warm-up (on a server of its own, long past its own first) had
        // not seen, and the compiled request path was thrown away in the first burst.
        response(200);
    }

    /** {@return the registry, in Prometheus' text format} */
    String text() {
        return metrics.prometheusText();
    }

    /** A connection was accepted within the limit. */
    void accepted() {
        accepted.increment();
    }

    /** A connection read {@code msg}. */
    void read(Object msg) {
        if (msg instanceof ByteBuf buf) {
            bytesIn.add(buf.readableBytes());
        }
    }

    /** A connection writes {@code msg}: its bytes, and its status when it is a response head. */
    void written(Object msg) {
        if (msg instanceof ByteBuf buf) {
            bytesOut.add(buf.readableBytes());
            int status = status(buf);
            if (status > 0) {
                response(status).increment();
            }
        }
    }

    /** The status of a response head ({@code HTTP/1.x NNN}), or 0 for anything else (a body). */
    static int status(ByteBuf buf) {
        int i = buf.readerIndex();
        if (buf.readableBytes() < 12 || buf.getByte(i) != 'H' || buf.getByte(i + 4) != '/' || buf.getByte(i + 8) != ' ') {
            return 0;
        }
        int status = 0;
        for (int d = 9; d < 12; d++) {
            int digit = buf.getByte(i + d) - '0';
            if (digit < 0 || digit > 9) {
                return 0;
            }
            status = status * 10 + digit;
        }
        return status >= 100 && status <= MAX_STATUS ? status : 0;
    }

    private LongAdder response(int status) {
        LongAdder adder = responses.get(status);
        if (adder == null) {
            adder = metrics.counter("netbench_http_responses_total", "HTTP responses by status.",
                    "code=\"" + status + "\"");
            responses.set(status, adder);
        }
        return adder;
    }
}
