package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aListenPortMayBeZeroAConnectPortMayNot() {
        assertEquals(0, Ports.checkListen("port", 0));
        assertEquals(65535, Ports.checkListen("port", 65535));
        assertEquals(1, Ports.checkConnect("port", 1));
        assertEquals(65535, Ports.checkConnect("port", 65535));
    }

    @Test
    void outOfRangeNamesTheOptionAndTheValue() {
        assertEquals("--http-port 70000: expected a port 0..65535", assertThrows(IllegalArgumentException.class,
                () -> Ports.checkListen("--http-port", 70000)).getMessage());
        assertEquals("port -1: expected a port 0..65535", assertThrows(IllegalArgumentException.class,
                () -> Ports.checkListen("port", -1)).getMessage());
        assertEquals("-lp 0: expected a port 1..65535", assertThrows(IllegalArgumentException.class,
                () -> Ports.checkConnect("-lp", 0)).getMessage());
        assertEquals("port 65536: expected a port 1..65535", assertThrows(IllegalArgumentException.class,
                () -> Ports.checkConnect("port", 65536)).getMessage());
    }
}
