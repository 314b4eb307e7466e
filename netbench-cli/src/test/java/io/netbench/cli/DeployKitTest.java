package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes kit in {@code deploy/}, rendered by {@code kubectl kustomize} as a user would
 * and checked object by object: pull policy, Pod Security "restricted", a writable directory for
 * the natives, probes on the admin port, placement, labels that name a report's columns, and
 * client Jobs that run one at a time and print only JSON.
 */
class DeployKitTest {
    private static final Path DEPLOY = Path.of(System.getProperty("netbench.root", "..")).resolve("deploy");

    /** The objects {@code kubectl kustomize deploy/DIR} renders. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(String dir) throws Exception {
        String kubectl = ExternalTools.require("kubectl").toString();
        CliTestSupport.Run run = CliTestSupport.exec(Duration.ofMinutes(1),
                List.of(kubectl, "kustomize", DEPLOY.resolve(dir).toString()));
        assertEquals(0, run.exitCode(), "kubectl kustomize deploy/" + dir + ": " + run.err());
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml().loadAll(run.out()).forEach(o -> objects.add((Map<String, Object>) o));
        return objects;
    }

    @ParameterizedTest
    @ValueSource(strings = {"server/host", "server/runc", "server/kata", "server/all", "client/same-node",
        "client/cross-node"})
    void everyPodIsLockedDownAndUsesTheLoadedImage(String dir) throws Exception {
        List<Map<String, Object>> objects = render(dir);
        assertFalse(objects.isEmpty(), dir);
        for (Map<String, Object> o : objects) {
            assertEquals("netbench", Tree.at(o, "metadata", "namespace"), name(o));
            if (!List.of("Deployment", "Job").contains(o.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = Tree.map(o, "spec", "template", "spec");
            assertEquals(true, Tree.at(pod, "securityContext", "runAsNonRoot"), name(o));
            assertEquals("RuntimeDefault", Tree.at(pod, "securityContext", "seccompProfile", "type"), name(o));
            assertEquals(false, pod.get("automountServiceAccountToken"), name(o));
            for (Map<String, Object> c : Tree.maps(pod, "containers")) {
                String image = (String) c.get("image");
                assertTrue(image.startsWith("netbench:") && !image.endsWith(":latest"), name(o) + ": " + image);
                assertEquals("IfNotPresent", c.get("imagePullPolicy"), name(o));
                assertNull(c.get("command"), name(o) + ": the image's entrypoint (java with its flags) runs, no shell");
                assertEquals(false, Tree.at(c, "securityContext", "allowPrivilegeEscalation"), name(o));
                assertEquals(true, Tree.at(c, "securityContext", "readOnlyRootFilesystem"), name(o));
                assertEquals(List.of("ALL"), Tree.at(c, "securityContext", "capabilities", "drop"), name(o));
                assertTrue(Tree.maps(c, "volumeMounts").stream().anyMatch(m -> "/var/lib/netbench".equals(m.get("mountPath"))),
                        name(o) + ": a writable directory for Netty's natives, or epoll would not load");
            }
        }
    }

    @Test
    void serversAreProbedOnTheAdminPortAndStopFast() throws Exception {
        for (Map<String, Object> d : ofKind(render("server/all"), "Deployment")) {
            Map<String, Object> pod = Tree.map(d, "spec", "template", "spec");
            Map<String, Object> server = Tree.maps(pod, "containers").get(0);
            assertEquals("server", Tree.list(server, "args").get(0), name(d));
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertEquals("admin", Tree.at(server, probe, "httpGet", "port"), name(d) + " " + probe);
                assertEquals("/healthz", Tree.at(server, probe, "httpGet", "path"), name(d) + " " + probe);
            }
            int startup = (Integer) Tree.at(server, "startupProbe", "periodSeconds")
                    * (Integer) Tree.at(server, "startupProbe", "failureThreshold");
            assertTrue(startup >= 60, name(d) + ": the warm-up takes up to 10 s, more on a busy node: " + startup);
            assertTrue((Integer) pod.get("terminationGracePeriodSeconds") <= 10, name(d));
            assertEquals(Tree.at(server, "resources", "requests"), Tree.at(server, "resources", "limits"),
                    name(d) + ": Guaranteed, like the seed's 1 CPU / 2 GiB pod");
        }
    }

    @Test
    void eachServerVariantRunsWhereItsNameSaysAndItsServiceSelectsOnlyIt() throws Exception {
        List<Map<String, Object>> all = render("server/all");
        for (String runtime : List.of("host", "runc", "kata")) {
            Map<String, Object> d = named(all, "Deployment", "netbench-server-" + runtime);
            Map<String, Object> pod = Tree.map(d, "spec", "template", "spec");
            assertEquals(runtime.equals("host") ? true : null, pod.get("hostNetwork"), runtime);
            assertEquals(runtime.equals("kata") ? "kata" : null, pod.get("runtimeClassName"), runtime);
            assertEquals("true", Tree.at(pod, "nodeSelector", "netbench.io/server"), runtime);
            Map<String, Object> service = named(all, "Service", "netbench-server-" + runtime);
            assertEquals(runtime, Tree.at(service, "spec", "selector", "netbench.io/runtime"), runtime);
            assertEquals(runtime, Tree.at(d, "spec", "template", "metadata", "labels", "netbench.io/runtime"));
        }
        assertEquals(6, all.size(), "three Deployments and three Services; the kata parameter stays local");
    }

    @Test
    void clientsRunOneAtATimeWhereThePlacementSaysAndLabelTheirResults() throws Exception {
        List<Map<String, Object>> same = render("client/same-node");
        List<Map<String, Object>> cross = render("client/cross-node");
        for (List<Map<String, Object>> jobs : List.of(same, cross)) {
            assertEquals(4, jobs.size(), "compare and a wrk Job per server");
            for (Map<String, Object> job : jobs) {
                assertEquals(true, Tree.at(job, "spec", "suspend"), name(job) + ": started by hand, one at a time");
                List<Object> args = Tree.list(Tree.maps(Tree.map(job, "spec", "template", "spec"), "containers").get(0),
                        "args");
                assertTrue(args.contains("--label=placement=$(NETBENCH_PLACEMENT)"), name(job));
                assertTrue(args.contains("--json") || args.contains("--format=results"),
                        name(job) + ": results as JSON on stdout");
            }
        }
        assertEquals("true", Tree.at(named(same, "Job", "netbench-compare-same-node"), "spec", "template", "spec",
                "nodeSelector", "netbench.io/server"));
        Map<String, Object> crossPod = Tree.map(named(cross, "Job", "netbench-compare-cross-node"), "spec", "template",
                "spec");
        assertEquals("DoesNotExist", Tree.at(crossPod, "affinity", "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", 0, "matchExpressions", 0,
                "operator"));
        for (String runtime : List.of("host", "runc", "kata")) {
            Map<String, Object> wrk = named(same, "Job", "netbench-wrk-" + runtime + "-same-node");
            int n = (Integer) Tree.at(wrk, "spec", "completions");
            assertEquals(n, Tree.at(wrk, "spec", "parallelism"));
            assertEquals("Indexed", Tree.at(wrk, "spec", "completionMode"));
            List<Object> args = Tree.list(Tree.maps(Tree.map(wrk, "spec", "template", "spec"), "containers").get(0),
                    "args");
            assertTrue(args.contains("--share=$(JOB_COMPLETION_INDEX)/" + n), args.toString());
            assertEquals(runtime, Tree.at(wrk, "spec", "template", "metadata", "labels", "netbench.io/target"));
        }
    }

    private static String name(Map<String, Object> o) {
        return o.get("kind") + "/" + Tree.at(o, "metadata", "name");
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(Tree.at(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
