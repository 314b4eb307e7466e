package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLimitsTest {
    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text + "\n");
    }

    /** The limits read from the files written under "proc" and "fs". */
    private void assertLimits(Optional<String> cpus, OptionalLong memoryBytes) {
        assertEquals(new CgroupLimits(cpus, memoryBytes), CgroupLimits.read(dir.resolve("proc"), dir.resolve("fs")));
    }

    @Test
    void readsCgroupV2OfTheContainer() throws IOException {
        write("proc", "0::/\n");
        write("fs/cpu.max", "150000 100000");
        write("fs/memory.max", "2147483648");
        assertLimits(Optional.of("1.5"), OptionalLong.of(2L << 30));
    }

    @Test
    void readsCgroupV2OfAProcessInASubgroup() throws IOException {
        write("proc", "0::/kubepods/pod1/c1\n");
        write("fs/cpu.max", "max 100000");
        write("fs/kubepods/pod1/c1/cpu.max", "100000 100000");
        write("fs/kubepods/pod1/c1/memory.max", "max");
        assertLimits(Optional.of("1"), OptionalLong.empty());
    }

    @Test
    void readsCgroupV1AndTreatsHugeOrNegativeAsUnlimited() throws IOException {
        write("proc", "4:memory:/docker/abc\n1:cpu,cpuacct:/docker/abc\n0::/\n");
        write("fs/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "-1");
        write("fs/cpu/docker/abc/cpu.cfs_quota_us", "50000");
        write("fs/cpu/docker/abc/cpu.cfs_period_us", "100000");
        write("fs/memory/docker/abc/memory.limit_in_bytes", "9223372036854771712");
        assertLimits(Optional.of("0.5"), OptionalLong.empty());
    }

    @Test
    void noCgroupFilesMeanNoLimits() {
        assertEquals(new CgroupLimits(Optional.empty(), OptionalLong.empty()),
                CgroupLimits.read(dir.resolve("missing"), dir.resolve("missing-fs")));
    }
}
