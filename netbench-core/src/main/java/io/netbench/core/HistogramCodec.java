package io.netbench.core;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * Encodes histograms as HdrHistogram's standard compressed, base64 log encoding: the same text
 * that {@code HistogramLogWriter} writes on each interval line, so that {@code HistogramLogReader},
 * {@code HistogramLogProcessor} and other HdrHistogram tools read netbench results, and results
 * from many clients can be merged exactly by adding the decoded histograms.
 */
public final class HistogramCodec {
    private HistogramCodec() {
    }

    /**
     * Encodes a histogram.
     *
     * @param histogram the histogram, left as it is
     * @return its compressed base64 encoding
     */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes text made by {@link #encode(Histogram)} or found in an HdrHistogram log line.
     *
     * @param base64 the encoding; surrounding white space is ignored
     * @return a new histogram that resizes itself as values are added, so that it can take the
     *         sum of others
     * @throws IllegalArgumentException if the text is not a compressed histogram
     */
    public static Histogram decode(String base64) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(base64.trim()));
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(buffer, 0);
            histogram.setAutoResize(true);
            return histogram;
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an HdrHistogram compressed encoding: " + e.getMessage(), e);
        }
    }
}
