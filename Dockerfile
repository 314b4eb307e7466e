# The netbench image, for machines that can pull from a registry:
#   docker build -t netbench . && docker run --rm -p 19765:19765 -p 19765:19765/udp -p 8080:8080 netbench
# Without a registry (CI, air-gapped clusters), bin/build-image makes the same image from the local JDK
# and the built jar: it runs the same bin/image-rootfs and this file's last stage, from "FROM scratch" on.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY netbench-core netbench-core
COPY netbench-tcp netbench-tcp
COPY netbench-http netbench-http
COPY netbench-cli netbench-cli
COPY bin/image-rootfs bin/image-rootfs
RUN mvn -B -q package -DskipTests && bin/image-rootfs netbench-cli/target/netbench.jar /rootfs

# jlink'd JRE + jar + dash as /bin/sh (for manifests that use sh -c) + the C libraries they link. The
# JVM flags are on the entrypoint's command line, so the JVM prints nothing at start (JAVA_TOOL_OPTIONS would print a line
# on stderr): the JIT as on a host (C2 on), the Parallel GC whatever the CPU limit (the JVM would pick
# SerialGC below 2 CPUs and G1 above; bin/netbench reads these flags from here), heap and direct buffers up to half the container's memory each,
# and the native libraries unpacked to /var/lib/netbench, the directory to mount writable when the
# root filesystem is read-only. The server is PID 1 (exec form, no shell in between): SIGTERM stops it
# within a second.
FROM scratch
COPY --from=build /rootfs/ /
ENV PATH=/opt/netbench/jre/bin:/bin
USER 65532:65532
WORKDIR /var/lib/netbench
EXPOSE 19765/tcp 19765/udp 8080/tcp
ENTRYPOINT ["/opt/netbench/jre/bin/java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-Dio.netty.native.workdir=/var/lib/netbench", "-Djna.tmpdir=/var/lib/netbench", "-jar", "/opt/netbench/netbench.jar"]
CMD ["server"]
