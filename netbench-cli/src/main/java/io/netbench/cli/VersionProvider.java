package io.netbench.cli;

import io.netbench.core.Environment;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code netbench --version}: netbench's version (the one results record, from core's
 * {@link Environment#netbenchVersion()}), then the JVM and the OS.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"netbench " + Environment.netbenchVersion(),
                "JVM: ${java.version} (${java.vendor} ${java.vm.name})",
                "OS: ${os.name} ${os.version} ${os.arch}"};
    }
}
