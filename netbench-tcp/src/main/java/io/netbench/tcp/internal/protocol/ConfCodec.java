package io.netbench.tcp.internal.protocol;

import io.netbench.tcp.QperfConf;
import io.netty.buffer.ByteBuf;

/** qperf's CONF struct, the answer to the {@code conf} test: four strings of {@value Wire#STRSIZE} bytes. */
public final class ConfCodec {
    private ConfCodec() {
    }

    /** Writes {@code conf}, {@value Wire#CONF_SIZE} bytes. */
    public static void encode(QperfConf conf, ByteBuf out) {
        for (String s : new String[] {conf.node(), conf.cpu(), conf.os(), conf.qperf()}) {
            Wire.writeString(out, s);
        }
    }

    /** Reads {@value Wire#CONF_SIZE} bytes. */
    public static QperfConf decode(ByteBuf in) {
        return new QperfConf(Wire.readString(in), Wire.readString(in), Wire.readString(in), Wire.readString(in));
    }
}
