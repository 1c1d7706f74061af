package vn.motcua.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the built kinds (their jar and lib/) and the office jar must not carry: jsch (unused, CVE-2023-48795), a second SLF4J provider, an old Jackson. */
@Tag("slow")
class JarContentsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<Path> KIND_LIBS = List.of(
            ROOT.resolve("device-ticket-printer/target/lib"),
            ROOT.resolve("device-rating-pad/target/lib"),
            ROOT.resolve("device-kiosk/target/lib"));
    private static final Path OFFICE_JAR = ROOT.resolve("simulator/target/motcua-office.jar");

    @Test
    void no_kind_carries_jsch_and_each_has_exactly_the_tinylog_slf4j_provider() throws IOException {
        for (Path lib : KIND_LIBS) {
            List<Path> jars;
            try (Stream<Path> files = Files.list(lib)) {
                jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            }
            assertThat(jars).as("libraries in %s", lib).isNotEmpty();
            assertThat(jars.stream().map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("jsch") || n.contains("reload4j"));
            List<String> named = new ArrayList<>();
            for (Path jar : jars) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    named.addAll(providers(j));
                }
            }
            assertThat(named).as("SLF4J providers in %s", lib).hasSize(1);
            assertThat(named.get(0)).startsWith("org.tinylog.");
        }
    }

    @Test
    void the_office_jar_carries_no_jsch_and_exactly_the_tinylog_slf4j_provider() throws IOException {
        try (JarFile j = new JarFile(OFFICE_JAR.toFile())) {
            assertThat(j.stream().map(ZipEntry::getName).filter(n -> n.startsWith("com/jcraft/")).toList())
                    .as("jsch classes in %s", OFFICE_JAR).isEmpty();
            assertThat(j.stream().map(ZipEntry::getName).filter(n -> n.contains("reload4j") || n.startsWith("org/apache/log4j/"))
                    .toList()).as("reload4j in %s", OFFICE_JAR).isEmpty();
            List<String> named = providers(j);
            assertThat(named).as("SLF4J providers in %s", OFFICE_JAR).hasSize(1);
            assertThat(named.get(0)).startsWith("org.tinylog.");
        }
    }

    private static List<String> providers(JarFile j) throws IOException {
        ZipEntry providers = j.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        if (providers == null) {
            return List.of();
        }
        return new String(j.getInputStream(providers).readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void the_office_jar_carries_the_jackson_core_its_databind_was_built_for() throws IOException {
        try (JarFile j = new JarFile(OFFICE_JAR.toFile())) {
            String core = version(j, "META-INF/maven/com.fasterxml.jackson.core/jackson-core/pom.properties");
            String databind = version(j, "META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties");
            assertThat(core).isEqualTo(databind);
        }
    }

    private static String version(JarFile j, String entry) throws IOException {
        ZipEntry e = j.getEntry(entry);
        assertThat(e).as(entry).isNotNull();
        return new String(j.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring("version=".length());
    }
}
