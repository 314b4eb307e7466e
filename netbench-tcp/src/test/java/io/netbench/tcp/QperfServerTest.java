package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.LiveThreads;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Listening: a taken port fails naming the address, TCP or UDP, and leaves nothing running. */
class QperfServerTest {
    @Test
    void aTakenTcpPortFailsNamingTheAddress() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> QperfServer.builder().bindAddress("127.0.0.1").port(taken.getLocalPort()).build());
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    e.getMessage());
        }
        assertEquals(0, LiveThreads.named("netbench-qperf-server"), "the event loops of the failed server");
    }

    @Test
    void aTakenUdpPortFailsNamingTheAddressAndClosesTheTcpListener() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> QperfServer.builder().bindAddress("127.0.0.1").port(port).build());
            assertTrue(e.getMessage().startsWith("cannot listen on UDP 127.0.0.1:" + port + ": "), e.getMessage());
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, free.getLocalPort(), "the TCP port was released");
            }
        }
        assertEquals(0, LiveThreads.named("netbench-qperf-server"), "the event loops of the failed server");
    }

    @Test
    void badLimitsAreNamed() {
        assertEquals("maxTime must be >= 1s: 0s", assertThrows(IllegalArgumentException.class,
                () -> QperfServer.builder().port(0).maxTime(Duration.ZERO).build()).getMessage());
        assertEquals("maxSessions must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> QperfServer.builder().port(0).maxSessions(0).build()).getMessage());
    }
}
