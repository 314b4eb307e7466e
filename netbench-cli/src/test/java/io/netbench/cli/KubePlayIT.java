package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.cli.CliTestSupport.Run;
import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes kit run for real, without a cluster: {@code deploy/server/runc} rendered by
 * {@code kubectl kustomize} and started by {@code podman kube play} (runc, the kit's Pod Security
 * context: user 65532, read-only root, the natives in an emptyDir), measured through its ports
 * alone by qperf and wrk tests, with the probes' {@code /healthz} answering on the admin port.
 * Then the Indexed wrk Job of {@code deploy/client/same-node} as the Job controller and kubelet
 * would run it: one container per completion index, its {@code $(VAR)}s expanded from the
 * downward API's fields, the kit's arguments with the load made small for CI; their logs, one
 * file as {@code kubectl logs -l ...} gives it, merge to exactly the sum of the parts and report
 * under the labels the kit sets. The only change to the rendered Deployment: hostPorts on free
 * ports, where a Service would stand in a cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubePlayIT {
    private static final String IMAGE = Podman.IMAGE;
    private static final Path JAR = Path.of(System.getProperty("netbench.jar", "target/netbench.jar"));
    private static final Path ROOT = Path.of(System.getProperty("netbench.root", ".."));
    private static final Path WORK = Path.of(System.getProperty("netbench.work", "target/container-it"))
            .resolveSibling("kube-play-it");
    private static final Pattern VAR = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)");

    private static Podman podman;
    private static Path play;
    /** The published qperf, HTTP and admin ports. */
    private static int[] ports;
    private static String podIp;
    private static String server;

    @BeforeAll
    static void playTheRuncServer() throws Exception {
        assumeTrue(System.getProperty("netbench.jar") != null, "KubePlayIT runs in failsafe (mvn verify), on the"
                + " jar just packaged");
        podman = Podman.require();
        Files.createDirectories(WORK);
        podman.buildImage(ROOT, JAR);
        ports = Podman.freePorts(3);
        Map<String, Object> deployment = DeployKitTest.render("server/runc").stream()
                .filter(o -> o.get("kind").equals("Deployment")).findFirst().orElseThrow();
        for (Map<String, Object> port : Tree.maps(deployment, "spec", "template", "spec", "containers", 0, "ports")) {
            int host = switch ((String) port.get("name")) {
                case "qperf-tcp", "qperf-udp" -> ports[0];
                case "http" -> ports[1];
                default -> ports[2];
            };
            port.put("hostPort", host);
            port.put("hostIP", "127.0.0.1");
        }
        play = WORK.resolve("server-runc.yaml");
        Files.writeString(play, new Yaml().dump(deployment));
        Run up = podman.kube(WORK, "play", "--network", "podman", play.toString());
        assertEquals(0, up.exitCode(), up.err());
        String pod = Tree.at(deployment, "metadata", "name") + "-pod-0";
        server = pod + "-server";
        podman.awaitLog(server, "http listening", Duration.ofMinutes(2));
        String infra = podman.check("pod", "inspect", pod, "--format", "{{.InfraContainerID}}");
        podIp = podman.check("inspect", infra, "--format", "{{.NetworkSettings.Networks.podman.IPAddress}}");
    }

    @AfterAll
    static void downAndRemove() throws Exception {
        if (podman == null) {
            return;
        }
        if (play != null) {
            podman.kube(WORK, "down", play.toString());
            podman.exec("volume", "rm", "--force", "natives", "tmp");
        }
        podman.removeAll();
    }

    @Test
    @Order(1)
    void theRuncServerPodServesEveryTestThroughItsPortsAsTheKitStartsIt() throws Exception {
        assertEquals("65532:65532 true runc", podman.check("inspect", server, "--format",
                "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.OCIRuntime}}"));
        Run logs = podman.exec("logs", server);
        String log = logs.out() + logs.err();
        assertTrue(log.contains("admin listening") && log.contains("warm-up:"), log);
        Run health = CliTestSupport.exec(Duration.ofSeconds(30), List.of("curl", "-s", "-o", "/dev/null", "-m", "2", "-w", "%{http_code}",
                "http://127.0.0.1:" + ports[2] + "/healthz"));
        assertEquals("200", health.out().trim(), "the probes' /healthz on the admin port");
        Run qperf = netbench("qperf", "127.0.0.1", "-lp", Integer.toString(ports[0]), "-t", "1", "--json", "tcp_bw",
                "tcp_lat", "udp_lat");
        Run wrk = netbench("wrk", "-t1", "-c4", "-d1s", "--json", "http://127.0.0.1:" + ports[1] + "/");
        for (Run run : List.of(qperf, wrk)) {
            assertEquals(0, run.exitCode(), run.err());
            for (TestResult t : ResultJson.read(run.out()).tests()) {
                assertEquals("epoll", t.transport(), t.toString());
                assertTrue(t.metrics().values().stream().allMatch(v -> v > 0), t.toString());
            }
        }
    }

    @Test
    @Order(2)
    void theIndexedWrkJobsLogsMergeToTheSumOfItsPods() throws Exception {
        Map<String, Object> job = DeployKitTest.render("client/same-node").stream()
                .filter(o -> "netbench-wrk-runc-same-node".equals(Tree.at(o, "metadata", "name"))).findFirst()
                .orElseThrow();
        int completions = (Integer) Tree.at(job, "spec", "completions");
        Map<String, Object> template = Tree.map(job, "spec", "template");
        Map<String, Object> container = Tree.map(template, "spec", "containers", 0);
        List<String> args = small(Tree.list(container, "args"));
        List<String> names = new ArrayList<>();
        for (int index = 0; index < completions; index++) {
            Map<String, String> env = downwardApi(Tree.maps(container, "env"), template, index);
            String name = Podman.name("wrk-" + index);
            names.add(name);
            List<String> options = new ArrayList<>(List.of("-d", "--network", "podman", "--add-host",
                    "netbench-server-runc:" + podIp, "--user", "65532:65532", "--read-only", "--cap-drop", "ALL",
                    "--security-opt", "no-new-privileges", "--tmpfs", "/tmp:rw,exec,mode=1777", "--tmpfs",
                    "/var/lib/netbench:rw,exec,mode=1777"));
            env.forEach((k, v) -> options.addAll(List.of("--env", k + "=" + v)));
            podman.run(name, options, IMAGE, args.stream().map(a -> expand(a, env)).toArray(String[]::new));
        }
        StringBuilder logs = new StringBuilder();
        long requests = 0;
        for (String name : names) {
            assertEquals("0", podman.check("wait", name));
            Run log = podman.exec("logs", name);
            assertEquals("", log.err(), name + " wrote to stderr, which kubectl logs mixes into the JSON");
            RunResult part = ResultJson.read(log.out());
            requests += part.tests().get(0).counts().get("requests");
            logs.append(log.out());
        }
        Path file = WORK.resolve("wrk-runc-same-node.log");
        Files.writeString(file, logs);
        Path merged = WORK.resolve("wrk-runc-same-node.json");
        Run merge = netbench("merge", "-o", merged.toString(), file.toString());
        assertEquals(0, merge.exitCode(), merge.err());
        RunResult total = ResultJson.read(Files.readString(merged));
        assertEquals(requests, total.tests().get(0).counts().get("requests"));
        assertEquals("100", total.tests().get(0).params().get("connections"), total.tests().get(0).params().toString());
        Run report = netbench("report", "--by", "runtime,placement", merged.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("runc/same-node"), report.out());
    }

    /** The Job's arguments with the seed's load (20000 connections, 3 minutes, 8 threads) made CI-sized. */
    private static List<String> small(List<String> args) {
        Map<String, String> sized = new LinkedHashMap<>(Map.of("--connections=20000", "--connections=100",
                "--duration=3m", "--duration=3s", "--threads=8", "--threads=1"));
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            out.add(sized.getOrDefault(arg, arg));
        }
        sized.keySet().forEach(k -> assertTrue(args.contains(k), "the Job no longer says " + k + ": " + args));
        return out;
    }

    /** The values the kubelet gives the container's downward-API variables in pod {@code index} of the Job. */
    private static Map<String, String> downwardApi(List<Map<String, Object>> env, Map<String, Object> template,
            int index) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> labels = Tree.map(template, "metadata", "labels");
        for (Map<String, Object> var : env) {
            String path = (String) Tree.at(var, "valueFrom", "fieldRef", "fieldPath");
            Matcher label = Pattern.compile("metadata\\.labels\\['(.+)'\\]").matcher(path);
            String value;
            if (path.equals("metadata.annotations['batch.kubernetes.io/job-completion-index']")) {
                value = Integer.toString(index);
            } else if (path.equals("spec.nodeName")) {
                value = "podman-node";
            } else if (label.matches() && labels.get(label.group(1)) != null) {
                value = (String) labels.get(label.group(1));
            } else {
                throw new AssertionError("the pod template has nothing at " + path + " for " + var.get("name"));
            }
            values.put((String) var.get("name"), value);
        }
        return values;
    }

    /** {@code $(VAR)} expanded as Kubernetes does in a container's args. */
    private static String expand(String arg, Map<String, String> env) {
        return VAR.matcher(arg).replaceAll(m -> Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
    }

    private static Run netbench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CliTestSupport.java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return CliTestSupport.exec(Duration.ofMinutes(2), command);
    }
}
