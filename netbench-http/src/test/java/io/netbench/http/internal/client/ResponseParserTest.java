package io.netbench.http.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {
    private static final String PIPELINED = ""
            + "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nServer: x\r\n\r\nHello, World!"
            + "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: y\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\n\r\n"
            + "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbye";

    private record Response(int status, boolean keepAlive) {
    }

    private static List<Response> parseInPieces(String text, int... cuts) {
        ResponseParser parser = new ResponseParser(false, false);
        List<Response> responses = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        for (int cut : cuts) {
            ByteBuf piece = Unpooled.wrappedBuffer(bytes, from, cut - from);
            assertTrue(parser.parse(piece, (s, k) -> responses.add(new Response(s, k))));
            from = cut;
        }
        assertTrue(parser.parse(Unpooled.wrappedBuffer(bytes, from, bytes.length - from),
                (s, k) -> responses.add(new Response(s, k))));
        return responses;
    }

    @Test
    void pipelinedResponsesOfEveryFraming() {
        assertEquals(List.of(new Response(200, true), new Response(404, true), new Response(200, true),
                new Response(204, true), new Response(503, false)), parseInPieces(PIPELINED));
    }

    @Test
    void splitAtEveryByteBoundary() {
        List<Response> whole = parseInPieces(PIPELINED);
        for (int cut = 1; cut < PIPELINED.length(); cut++) {
            assertEquals(whole, parseInPieces(PIPELINED, cut), "split at " + cut);
        }
        int[] everyByte = new int[PIPELINED.length() - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertEquals(whole, parseInPieces(PIPELINED, everyByte));
    }

    @Test
    void http10IsCloseUnlessKeepAlive() {
        assertEquals(List.of(new Response(200, false), new Response(200, true)), parseInPieces(
                "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx"
                + "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\ny"));
    }

    @Test
    void bodyUntilCloseCompletesOnClose() {
        ResponseParser parser = new ResponseParser(false, false);
        List<Integer> statuses = new ArrayList<>();
        parser.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n\r\nstreaming...", StandardCharsets.US_ASCII),
                (s, k) -> statuses.add(s));
        assertTrue(statuses.isEmpty());
        assertTrue(parser.inResponse());
        assertTrue(parser.onClose((s, k) -> statuses.add(s)));
        assertEquals(List.of(200), statuses);
    }

    @Test
    void headResponsesHaveNoBody() {
        ResponseParser parser = new ResponseParser(true, false);
        List<Integer> statuses = new ArrayList<>();
        parser.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHTTP/1.1 200 OK\r\n"
                + "Content-Length: 13\r\n\r\n", StandardCharsets.US_ASCII), (s, k) -> statuses.add(s));
        assertEquals(List.of(200, 200), statuses);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPDY/3 200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"})
    void malformedResponsesAreErrors(String text) {
        ResponseParser parser = new ResponseParser(false, false);
        assertFalse(parser.parse(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), (s, k) -> { }));
    }

    @Test
    void captureKeepsHeadersAndBodyOfEachResponse() {
        ResponseParser parser = new ResponseParser(false, true);
        List<String> seen = new ArrayList<>();
        parser.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nX-A: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\nHTTP/1.1 404 NF\r\nContent-Length: 2\r\n\r\nno",
                StandardCharsets.US_ASCII), (s, k) -> seen.add(s + " " + parser.headers() + " " + parser.body()));
        assertEquals(List.of("200 [X-A, 1, Transfer-Encoding, chunked] abcde", "404 [Content-Length, 2] no"), seen);
    }

    @Test
    void closeMidResponseIsAnError() {
        ResponseParser parser = new ResponseParser(false, false);
        parser.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", StandardCharsets.US_ASCII),
                (s, k) -> { });
        assertFalse(parser.onClose((s, k) -> { }));
    }

    @Test
    void aHeaderLongerThan64KiBIsAnErrorEvenInPieces() {
        ResponseParser parser = new ResponseParser(false, false);
        assertTrue(parser.parse(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nX-Big: ", StandardCharsets.US_ASCII),
                (s, k) -> { }));
        boolean ok = true;
        for (int i = 0; i < 80 && ok; i++) {
            ok = parser.parse(Unpooled.wrappedBuffer(new byte[1024]), (s, k) -> { });
        }
        assertFalse(ok);
    }

    @Test
    void aLongHeaderUnder64KiBAndALargeBodyInManyReads() {
        ResponseParser parser = new ResponseParser(false, false);
        List<Response> responses = new ArrayList<>();
        String head = "HTTP/1.1 200 OK\r\nX-Long: " + "v".repeat(10_000) + "\r\nContent-Length: 1000000\r\n\r\n";
        assertTrue(parser.parse(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII),
                (s, k) -> responses.add(new Response(s, k))));
        for (int i = 0; i < 100; i++) {
            assertTrue(parser.parse(Unpooled.wrappedBuffer(new byte[10_000]), (s, k) -> responses.add(new Response(s, k))));
        }
        assertEquals(List.of(new Response(200, true)), responses);
        assertFalse(parser.inResponse());
    }
}
