package io.netbench.tcp.internal.client;

import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.internal.Aborts;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The client end of qperf's control connection: blocking, every read bounded by the timeout,
 * and every failure turned into a one-line {@link QperfException} as qperf words it.
 */
final class ControlConnection implements AutoCloseable {
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_ERROR = 512;
    /** How long {@link #explain} waits for the server's reason. */
    private static final int EXPLAIN_MILLIS = 1000;

    private final Socket socket;
    private final Aborts.Registration registration;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress server;

    private ControlConnection(Socket socket, Aborts.Registration registration, InetSocketAddress server)
            throws IOException {
        this.socket = socket;
        this.registration = registration;
        this.server = server;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code host} (a name or an address literal) at {@code port} within
     * {@code timeoutMillis}; while the server is not there yet, tries again once a second until
     * {@code waitMillis} have passed (qperf's {@code -ws}). Errors name the host as given, as qperf's
     * do ({@code ::1: failed to connect}). The socket is one of the run's {@code connections} from
     * before it connects, so that a cancel also ends a connect in progress.
     */
    static ControlConnection open(String host, int port, int timeoutMillis, long waitMillis,
                                  Aborts connections) throws NetbenchException {
        InetSocketAddress server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            // qperf's habit is HOST -lp PORT; a HOST:PORT (or [v6]:PORT) is a name no resolver knows
            boolean withPort = host.matches("(\\[.*]|[^:]*):\\d+");
            throw new QperfException(host + ": cannot resolve host name"
                    + (withPort ? " (give the port as -lp PORT, as qperf takes it)" : ""));
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            Socket socket = new Socket();
            Aborts.Registration registration = connections.add(() -> closeQuietly(socket));
            try {
                socket.setTcpNoDelay(true);
                socket.connect(server, timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                return new ControlConnection(socket, registration, server);
            } catch (IOException e) {
                registration.close();
                closeQuietly(socket);
                if (System.nanoTime() + RETRY_NANOS > deadline) {
                    throw new QperfException(host + ": failed to connect to port " + port + " (" + reason(e)
                            + waited(waitMillis) + ")", e);
                }
            }
            sleep(RETRY_NANOS, host);
        }
    }

    private static String waited(long millis) {
        return millis == 0 ? "" : "; waited " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }

    private static void sleep(long nanos, String host) throws RunInterruptedException {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            throw RunInterruptedException.of("waiting for " + host, e);
        }
    }

    /** The server's address as connected: one-port data paths go to exactly this. */
    InetSocketAddress server() {
        return server;
    }

    void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void send(ByteBuf message, String item) throws QperfException {
        try {
            message.readBytes(out, message.readableBytes());
            out.flush();
        } catch (IOException e) {
            throw new QperfException("failed to send " + item + ": " + reason(e), e);
        } finally {
            message.release();
        }
    }

    void send(byte[] message, String item) throws QperfException {
        send(Unpooled.wrappedBuffer(message), item);
    }

    /**
     * Reads exactly {@code length} bytes. Where a server's error text comes instead (see
     * {@link Wire#URGENT_ERROR}; the urgent byte itself is left out of the stream), it becomes
     * {@code server: <text>}.
     */
    ByteBuf receive(int length, String item) throws QperfException {
        byte[] bytes = new byte[length];
        int n = 0;
        try {
            while (n < length) {
                int r = in.read(bytes, n, length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (SocketTimeoutException e) {
            throw new QperfException("failed to receive " + item + ": timed out", e);
        } catch (IOException e) {
            throw new QperfException("failed to receive " + item + ": " + reason(e), e);
        }
        if (n < length) {
            if (isText(bytes, n)) {
                throw serverError(Arrays.copyOf(bytes, n));
            }
            if (n > 0) {
                throw new QperfException(server.getHostString() + ": not a qperf server on port " + server.getPort()
                        + " (it answered " + n + " bytes and closed, where qperf's " + item + " is " + length + ")");
            }
            throw new QperfException("failed to receive " + item + ": server not responding");
        }
        return Unpooled.wrappedBuffer(bytes);
    }

    /** Exchanges a synchronisation text both ways, as qperf's {@code synchronize}. */
    void synchronize(byte[] text) throws QperfException {
        send(text, "synchronization");
        receiveSync(text);
    }

    private void receiveSync(byte[] text) throws QperfException {
        byte[] got = receive(text.length, "synchronization").array();
        if (!Arrays.equals(got, text)) {
            if (isText(got, got.length)) {
                throw serverError(got);
            }
            throw new QperfException("synchronize " + new String(text, StandardCharsets.US_ASCII)
                    + " failure: data does not match");
        }
    }

    /**
     * Reads the data port the server answers a socket test with.
     *
     * @throws QperfException with the server's text where it refused, and saying that the peer is
     *     not a qperf server where the answer is no port
     */
    long receivePort() throws QperfException {
        ByteBuf got = receive(4, "port");
        long port = got.getUnsignedIntLE(0);
        if (port > 65535 && isText(got.array(), 4)) {
            throw serverError(got.array());
        }
        if (port > 65535) {
            throw new QperfException(server.getHostString() + ": not a qperf server on port " + server.getPort()
                    + " (it answered with data port " + port + ")");
        }
        return port;
    }

    /**
     * After the data path failed: the server's reason, if it sent one within a moment (a server
     * that ends a test, out of memory say, says why on the control connection and closes the data
     * path), else {@code failure} as it is.
     */
    QperfException explain(QperfException failure) {
        byte[] start = new byte[4];
        int n = 0;
        try {
            socket.setSoTimeout(EXPLAIN_MILLIS);
            for (int r = 0; n < start.length && r >= 0; n += Math.max(r, 0)) {
                r = in.read(start, n, start.length - n);
            }
        } catch (IOException e) {
            return failure;
        }
        return isText(start, n) ? serverError(Arrays.copyOf(start, n)) : failure;
    }

    /** The server's error text: {@code start}, then the rest of its line (it closes after it). */
    private QperfException serverError(byte[] start) {
        StringBuilder why = new StringBuilder(new String(start, StandardCharsets.US_ASCII));
        try {
            for (int c = in.read(); c >= 0 && c != '\n' && why.length() < MAX_ERROR; c = in.read()) {
                why.append((char) c);
            }
        } catch (IOException e) {
            // the text so far is what the server managed to say
        }
        String text = why.toString().lines().findFirst().orElse("").trim();
        return new QperfException("server: " + (text.isEmpty() ? "request refused" : text));
    }

    private static boolean isText(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            if (bytes[i] < 0x20 && bytes[i] != '\n' || bytes[i] > 0x7e) {
                return false;
            }
        }
        return n >= 4;
    }

    @Override
    public void close() {
        registration.close();
        closeQuietly(socket);
    }

    static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
