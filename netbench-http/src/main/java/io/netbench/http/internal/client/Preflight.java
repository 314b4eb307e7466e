package io.netbench.http.internal.client;

import io.netbench.core.NetbenchException;
import io.netbench.core.internal.Aborts;
import io.netbench.http.HttpLoadException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * wrk's check before a run: resolve the host and make one connection, so that a wrong address
 * fails at once with wrk's message instead of as a run full of connect errors.
 */
final class Preflight {
    private Preflight() {
    }

    /**
     * {@return the target's address, resolved and answering}
     *
     * @param timeout the longest wait for the connection
     * @param aborts close the probe if the run is cancelled (a blocked connect ignores interrupts)
     * @throws HttpLoadException {@code unable to connect to host:port reason}, as wrk says it
     */
    static InetSocketAddress check(URI uri, int port, Duration timeout, Aborts aborts)
            throws NetbenchException {
        Socket probe = new Socket();
        try (Aborts.Registration r = aborts.add(() -> closeQuietly(probe))) {
            return connect(probe, uri.getHost(), port, timeout);
        } finally {
            closeQuietly(probe);
        }
    }

    private static InetSocketAddress connect(Socket probe, String host, int port, Duration timeout)
            throws HttpLoadException {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            probe.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return address;
        } catch (IOException e) {
            String why = e instanceof UnknownHostException ? "Name or service not known" : e.getMessage();
            throw new HttpLoadException("unable to connect to " + host + ":" + port + " " + why, e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing only to wake the connect up
        }
    }
}
