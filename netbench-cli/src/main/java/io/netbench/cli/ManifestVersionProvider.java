package io.netbench.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ({@code Implementation-Version}). */
final class ManifestVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = NetbenchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"netbench " + (version != null ? version : "(development build)"),
                "JVM: ${java.version} (${java.vendor} ${java.vm.name})",
                "OS: ${os.name} ${os.version} ${os.arch}"};
    }
}
