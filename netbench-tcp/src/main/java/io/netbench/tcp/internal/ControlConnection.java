package io.netbench.tcp.internal;

import io.netbench.tcp.QperfException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client end of qperf's control connection: blocking, every read bounded by the timeout,
 * and every failure turned into a one-line {@link QperfException} as qperf words it.
 */
public final class ControlConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final InetSocketAddress server;

    private ControlConnection(Socket socket, InetSocketAddress server) throws IOException {
        this.socket = socket;
        this.server = server;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code server} within {@code timeoutMillis}. */
    public static ControlConnection open(InetSocketAddress server, int timeoutMillis) throws QperfException {
        if (server.isUnresolved()) {
            throw new QperfException(server.getHostString() + ": cannot resolve host name");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return new ControlConnection(socket, server);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new QperfException(server.getHostString() + ": failed to connect to port " + server.getPort()
                    + " (" + reason(e) + ")", e);
        }
    }

    /** The server's address as connected: one-port data paths go to exactly this. */
    public InetSocketAddress server() {
        return server;
    }

    public void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public void send(ByteBuf message, String item) throws QperfException {
        try {
            message.readBytes(out, message.readableBytes());
            out.flush();
        } catch (IOException e) {
            throw new QperfException("failed to send " + item + ": " + reason(e), e);
        } finally {
            message.release();
        }
    }

    public void send(byte[] message, String item) throws QperfException {
        send(Unpooled.wrappedBuffer(message), item);
    }

    /** Reads exactly {@code length} bytes. */
    public ByteBuf receive(int length, String item) throws QperfException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new QperfException("failed to receive " + item + ": server not responding", e);
        } catch (SocketTimeoutException e) {
            throw new QperfException("failed to receive " + item + ": timed out", e);
        } catch (IOException e) {
            throw new QperfException("failed to receive " + item + ": " + reason(e), e);
        }
        return Unpooled.wrappedBuffer(bytes);
    }

    /** Exchanges a synchronisation text both ways, as qperf's {@code synchronize}. */
    public void synchronize(byte[] text) throws QperfException {
        send(text, "synchronization");
        receiveSync(text);
    }

    public void receiveSync(byte[] text) throws QperfException {
        ByteBuf got = receive(text.length, "synchronization");
        if (!Arrays.equals(got.array(), text)) {
            throw new QperfException("synchronize " + new String(text, StandardCharsets.US_ASCII)
                    + " failure: data does not match");
        }
    }

    /**
     * Reads the data port the server answers a socket test with; a refusal from a netbench
     * server becomes {@code server: <reason>}.
     */
    public long receivePort() throws QperfException {
        long port = receive(4, "port").readUnsignedIntLE();
        if (port == Wire.ERROR_PORT) {
            StringBuilder why = new StringBuilder();
            try {
                for (int c = in.read(); c >= 0 && c != '\n' && why.length() < 512; c = in.read()) {
                    why.append((char) c);
                }
            } catch (IOException e) {
                why.append("request refused");
            }
            throw new QperfException("server: " + why.toString().trim());
        }
        return port;
    }

    @Override
    public void close() {
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
