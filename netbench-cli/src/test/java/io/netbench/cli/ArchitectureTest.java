package io.netbench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, enforced: modules depend downwards only (cli on tcp and http, those on
 * core), the command line uses the public API alone, the public API never lets an
 * {@code internal} type out, the qperf client and server share only the protocol, tool output
 * formatting lives in the command line, and no class grows past 300 lines.
 */
class ArchitectureTest {
    private static JavaClasses netbench;

    @BeforeAll
    static void importClasses() {
        // The other modules come as jars (or class directories in an IDE); their test jars are not code.
        netbench = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("io.netbench");
    }

    @Test
    void modulesDependDownwardsOnly() {
        noClasses().that().resideInAPackage("io.netbench.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.netbench.tcp..", "io.netbench.http..", "io.netbench.cli..").check(netbench);
        noClasses().that().resideInAPackage("io.netbench.tcp..").should().dependOnClassesThat()
                .resideInAnyPackage("io.netbench.http..", "io.netbench.cli..").check(netbench);
        noClasses().that().resideInAPackage("io.netbench.http..").should().dependOnClassesThat()
                .resideInAnyPackage("io.netbench.tcp..", "io.netbench.cli..").check(netbench);
    }

    @Test
    void theCommandLineUsesThePublicApiOnly() {
        noClasses().that().resideInAPackage("io.netbench.cli..").should().dependOnClassesThat()
                .resideInAPackage("io.netbench..internal..").check(netbench);
    }

    @Test
    void thePublicApiLetsNoInternalTypeOut() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .and().resideInAnyPackage("io.netbench.core", "io.netbench.tcp", "io.netbench.http",
                        "io.netbench.core.junit", "io.netbench.tcp.junit", "io.netbench.http.junit")
                .should(exposeNoInternalType()).check(netbench);
    }

    @Test
    void theQperfClientAndServerShareOnlyTheProtocol() {
        noClasses().that().resideInAPackage("io.netbench.tcp.internal.client..").should().dependOnClassesThat()
                .resideInAPackage("io.netbench.tcp.internal.server..").check(netbench);
        noClasses().that().resideInAPackage("io.netbench.tcp.internal.server..").should().dependOnClassesThat()
                .resideInAPackage("io.netbench.tcp.internal.client..").check(netbench);
        noClasses().that().resideInAPackage("io.netbench.http.internal.client..").should().dependOnClassesThat()
                .resideInAPackage("io.netbench.http.internal.server..").check(netbench);
    }

    @Test
    void toolOutputFormattingLivesInTheCommandLine() {
        noClasses().that().haveSimpleNameEndingWith("Format").or().haveSimpleNameEndingWith("Output")
                .should().resideOutsideOfPackage("io.netbench.cli..").check(netbench);
    }

    /**
     * The few core classes allowed up to 400 lines: the result every producer and reader shares
     * (its components, checks and builder), and the qperf server's per-test state machine.
     */
    private static final List<String> CORE = List.of("TestResult.java", "Session.java");

    @Test
    void noClassIsLongerThan300LinesBut400ForAFewCoreOnes() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> long300;
        try (Stream<Path> files = Files.walk(root)) {
            long300 = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> lines(p) > (CORE.contains(p.getFileName().toString()) ? 400 : 300)).map(p -> root.relativize(p) + " (" + lines(p) + " lines)").toList();
        }
        assertEquals(List.of(), long300);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Public and protected members of a public API class use no internal type in their signatures. */
    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.getRawSuperclass().map(ArchitectureTest::isInternal).orElse(false)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " extends an internal class"));
                }
                for (JavaMember m : c.getMembers()) {
                    boolean visible = m.getModifiers().contains(JavaModifier.PUBLIC)
                            || m.getModifiers().contains(JavaModifier.PROTECTED);
                    List<JavaClass> types = new ArrayList<>();
                    if (m instanceof JavaCodeUnit code) {
                        types.addAll(code.getRawParameterTypes());
                        types.add(code.getRawReturnType());
                    } else if (m instanceof JavaField field) {
                        types.add(field.getRawType());
                    }
                    if (visible && types.stream().anyMatch(ArchitectureTest::isInternal)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes an internal type"));
                    }
                }
            }
        };
    }

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().contains(".internal");
    }
}
