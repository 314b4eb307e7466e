package io.netbench.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway nginx on a free loopback port, one worker, answering {@code 200 Hello, World!} like
 * the benchmark baseline; stopped by PID on {@link #close()}.
 */
public final class Nginx implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts nginx (skips the test where it is missing, fails in CI). */
    public static Nginx start() throws IOException, InterruptedException {
        Path nginx = ExternalTools.require("nginx");
        Path dir = Files.createTempDirectory("netbench-nginx");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("nginx.conf"), "worker_processes 1;\ndaemon off;\npid " + dir + "/nginx.pid;\n"
                + "error_log " + dir + "/logs/error.log;\nevents { worker_connections 20000; }\n"
                + "http { access_log off;\n client_body_temp_path " + dir + "; proxy_temp_path " + dir + ";\n"
                + " fastcgi_temp_path " + dir + "; uwsgi_temp_path " + dir + "; scgi_temp_path " + dir + ";\n"
                + " server { listen 127.0.0.1:" + port + " backlog=4096;\n"
                + "  location / { return 200 \"Hello, World!\"; } } }\n");
        Process process = new ProcessBuilder(nginx.toString(), "-c", dir.resolve("nginx.conf").toString(), "-p",
                dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new Nginx(process, dir, port);
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/out.log")));
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
