package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncTest {
    @Test
    void resultsAndFailuresCompleteTheFuture() throws Exception {
        assertEquals(42, Async.start("t", () -> 42).get(5, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Async.start("t", () -> { throw new IOException("peer gone"); }).get(5, TimeUnit.SECONDS));
        assertEquals("peer gone", e.getCause().getMessage());
    }

    @Test
    void cancellingAbortsABlockedReadAndEndsTheThread() throws Exception {
        try (ServerSocket server = new ServerSocket(0); Socket client = new Socket("127.0.0.1", server.getLocalPort());
             Socket silent = server.accept()) {
            CountDownLatch reading = new CountDownLatch(1);
            Thread[] worker = new Thread[1];
            CompletableFuture<Integer> read = Async.start("netbench-test-reader", () -> {
                worker[0] = Thread.currentThread();
                reading.countDown();
                return client.getInputStream().read();
            }, () -> {
                try {
                    client.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(reading.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            long begin = System.nanoTime();
            assertTrue(read.cancel(true));
            // The read would block for good without the cancel; 5 s leave room for a loaded 2-core VM.
            worker[0].join(5000);
            assertTrue(!worker[0].isAlive(), "the thread ended within 5 s of the cancel");
            assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(5));
            assertTrue(read.isCompletedExceptionally());
            assertThrows(CancellationException.class, read::join);
            assertTrue(silent.isConnected());
        }
    }
}
