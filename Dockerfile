# netbench server image: build the jar with Maven, run it on a JRE.
#   docker build -t netbench . && docker run --rm -p 19765:19765 -p 19765:19765/udp -p 8080:8080 netbench
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY netbench-core netbench-core
COPY netbench-tcp netbench-tcp
COPY netbench-http netbench-http
COPY netbench-cli netbench-cli
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
COPY --from=build /src/netbench-cli/target/netbench.jar /opt/netbench/netbench.jar
# Small and quiet in a 1 CPU / 2 GiB pod (see README: idle RSS); natives unpack to a writable dir.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -Xmx256m -XX:MaxDirectMemorySize=256m -Dio.netty.native.workdir=/tmp"
EXPOSE 19765/tcp 19765/udp 8080/tcp
USER 65534
ENTRYPOINT ["java", "-jar", "/opt/netbench/netbench.jar"]
CMD ["server"]
