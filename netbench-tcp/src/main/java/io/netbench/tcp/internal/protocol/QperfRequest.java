package io.netbench.tcp.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * qperf's REQ struct: what a client asks the server to run. Encoded little-endian field by field,
 * {@value Wire#REQUEST_SIZE} bytes; field names follow qperf's.
 */
public record QperfRequest(int verMaj, int verMin, int verInc, int reqIndex, long accessRecv, long affinity,
                           long altPort, long flip, long msgSize, long mtuSize, long noMsgs, long pollMode,
                           long port, long rdAtomic, long sl, long sockBufSize, long srcPathBits, long time,
                           long timeout, long useCm, String id, String staticRate) {

    /** A request of this qperf version for test {@code reqIndex}; the rest as given. */
    public static QperfRequest of(int reqIndex, long msgSize, long time, long timeout, long sockBufSize, long port,
                                  long accessRecv, String id) {
        return of(reqIndex, msgSize, time, timeout, sockBufSize, port, accessRecv, 0, id);
    }

    /** As {@link #of(int, long, long, long, long, long, long, String)} with qperf's {@code flip}. */
    public static QperfRequest of(int reqIndex, long msgSize, long time, long timeout, long sockBufSize, long port,
                                  long accessRecv, long flip, String id) {
        return new QperfRequest(Wire.VER_MAJ, Wire.VER_MIN, Wire.VER_INC, reqIndex, accessRecv, 0, 0, flip, msgSize,
                0, 0, 0, port, 0, 0, sockBufSize, 0, time, timeout, 0, id, "");
    }

    /** This request with qperf's {@code affinity}: the server's CPU, counted from 1; 0 = any. */
    public QperfRequest withAffinity(long affinity) {
        return new QperfRequest(verMaj, verMin, verInc, reqIndex, accessRecv, affinity, altPort, flip, msgSize, mtuSize,
                noMsgs, pollMode, port, rdAtomic, sl, sockBufSize, srcPathBits, time, timeout, useCm, id, staticRate);
    }

    /** This request asking a netbench server for its counters ({@link Wire#COUNTERS_REQUEST}). */
    public QperfRequest withCounters() {
        return new QperfRequest(verMaj, verMin, verInc, reqIndex, accessRecv, affinity, altPort, flip, msgSize, mtuSize,
                noMsgs, pollMode, port, rdAtomic, sl, sockBufSize, srcPathBits, time, timeout, useCm, id,
                Wire.COUNTERS_REQUEST);
    }

    /** Whether the client asks for the server's counters after the STAT. */
    public boolean wantsCounters() {
        return Wire.COUNTERS_REQUEST.equals(staticRate);
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(verMaj).writeShortLE(verMin).writeShortLE(verInc).writeShortLE(reqIndex);
        for (long v : new long[] {accessRecv, affinity, altPort, flip, msgSize, mtuSize, noMsgs, pollMode, port,
            rdAtomic, sl, sockBufSize, srcPathBits, time, timeout, useCm}) {
            out.writeIntLE((int) v);
        }
        Wire.writeString(out, id);
        Wire.writeString(out, staticRate);
    }

    /** Decodes {@value Wire#REQUEST_SIZE} readable bytes. */
    public static QperfRequest decode(ByteBuf in) {
        int verMaj = in.readUnsignedShortLE();
        int verMin = in.readUnsignedShortLE();
        int verInc = in.readUnsignedShortLE();
        int reqIndex = in.readUnsignedShortLE();
        long[] v = new long[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readUnsignedIntLE();
        }
        return new QperfRequest(verMaj, verMin, verInc, reqIndex, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], Wire.readString(in), Wire.readString(in));
    }

    /** The one-port session token, if this request comes from a netbench client asking for it. */
    public String onePortToken() {
        return id.startsWith(Wire.ONE_PORT_MARKER) ? id.substring(Wire.ONE_PORT_MARKER.length()) : null;
    }
}
