package io.netbench.core;

import java.util.Locale;
import java.util.Set;

/**
 * Where Netty unpacks its native transport libraries, and what to tell a user when epoll did not
 * load on a platform it ships for. Netty copies the library out of the jar into
 * {@code io.netty.native.workdir} (else {@code java.io.tmpdir}) and loads it from there, so a
 * read-only root filesystem, a missing {@code /tmp} or one mounted {@code noexec} (common in
 * pods) turns epoll off: the process would then measure NIO's data path next to a host that
 * runs epoll's.
 */
final class NativeWorkdir {
    /** The CPU architectures (as {@code os.arch} names them) netbench's jar carries epoll for. */
    private static final Set<String> EPOLL_ARCHES = Set.of("amd64", "x86_64", "aarch64");

    private NativeWorkdir() {
    }

    /**
     * Whether epoll should load here: Linux on x86_64 or aarch64, with natives not switched off
     * on purpose ({@code -Dio.netty.transport.noNative=true}).
     */
    static boolean epollExpected() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && EPOLL_ARCHES.contains(System.getProperty("os.arch", "").toLowerCase(Locale.ROOT))
                && !Boolean.getBoolean("io.netty.transport.noNative");
    }

    /** The directory Netty unpacks its native libraries into. */
    static String directory() {
        return System.getProperty("io.netty.native.workdir", System.getProperty("java.io.tmpdir", "/tmp"));
    }

    /** What to mount or set so that the native library loads, as one clause. */
    static String advice() {
        return "netty unpacks its native library into " + directory()
                + " (-Dio.netty.native.workdir, else java.io.tmpdir): make that a writable directory not mounted"
                + " noexec (in a pod, mount an emptyDir there) or point -Dio.netty.native.workdir= at one";
    }
}
