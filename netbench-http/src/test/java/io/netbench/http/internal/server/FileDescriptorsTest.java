package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The default connection limit leaves room below the fd limit. */
class FileDescriptorsTest {
    @Test
    void theDefaultConnectionLimitLeavesRoomBelowTheFdLimit() {
        assertEquals(18_000, FileDescriptors.maxConnections(OptionalLong.of(20_000)));
        assertEquals(768, FileDescriptors.maxConnections(OptionalLong.of(1024)));
        assertEquals(1, FileDescriptors.maxConnections(OptionalLong.of(100)));
        assertEquals(100_000, FileDescriptors.maxConnections(OptionalLong.of(1 << 20)));
        assertEquals(100_000, FileDescriptors.maxConnections(OptionalLong.empty()));
    }
}
