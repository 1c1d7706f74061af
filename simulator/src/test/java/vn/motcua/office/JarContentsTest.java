package vn.motcua.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the built jars must not carry: jsch (unused, CVE-2023-48795), a second SLF4J provider, an old Jackson. */
@Tag("slow")
class JarContentsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<Path> JARS = List.of(
            ROOT.resolve("device-ticket-printer/target/device-ticket-printer.jar"),
            ROOT.resolve("device-rating-pad/target/device-rating-pad.jar"),
            ROOT.resolve("device-kiosk/target/device-kiosk.jar"),
            ROOT.resolve("simulator/target/motcua-office.jar"));

    @Test
    void no_jar_carries_jsch_and_each_has_exactly_the_tinylog_slf4j_provider() throws IOException {
        for (Path jar : JARS) {
            try (JarFile j = new JarFile(jar.toFile())) {
                assertThat(j.stream().map(ZipEntry::getName).filter(n -> n.startsWith("com/jcraft/")).toList())
                        .as("jsch classes in %s", jar).isEmpty();
                assertThat(j.stream().map(ZipEntry::getName).filter(n -> n.contains("reload4j") || n.startsWith("org/apache/log4j/"))
                        .toList()).as("reload4j in %s", jar).isEmpty();
                ZipEntry providers = j.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
                assertThat(providers).as("SLF4J provider list in %s", jar).isNotNull();
                List<String> named = new String(j.getInputStream(providers).readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                assertThat(named).as("SLF4J providers in %s", jar).hasSize(1);
                assertThat(named.get(0)).startsWith("org.tinylog.");
            }
        }
    }

    @Test
    void the_office_jar_carries_the_jackson_core_its_databind_was_built_for() throws IOException {
        try (JarFile j = new JarFile(JARS.get(3).toFile())) {
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
