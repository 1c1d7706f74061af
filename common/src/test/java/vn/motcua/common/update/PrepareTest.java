package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class PrepareTest {
    private static final String KIND = "ticket-printer";
    private static final String JAR = "device-" + KIND + ".jar";

    private final Path root = TestDirs.create("prepare-");
    private final UpdatePaths paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final List<String> log = new ArrayList<>();

    @Test
    void a_first_run_makes_update_json_from_the_current_link() throws Exception {
        installed("0.1.0");

        UpdateState s = prepare();

        assertThat(s).isEqualTo(UpdateState.initial("0.1.0"));
        assertThat(UpdateState.read(paths.stateFile())).contains(s);
        assertThat(current()).isEqualTo("0.1.0");
    }

    @Test
    void nothing_to_manage_without_a_current_release() throws Exception {
        assertThat(prepare(paths, Prepare.Steps.NONE)).isEmpty();
        assertThat(paths.stateFile()).doesNotExist();
    }

    @Test
    void a_staged_bundle_is_extracted_beside_the_running_release_put_on_trial_and_switched_to() throws Exception {
        installed("0.1.0");
        stage("0.2.0");

        UpdateState s = prepare();

        assertThat(s.running()).isEqualTo("0.1.0");
        assertThat(s.previous()).isEqualTo("0.1.0");
        assertThat(s.trial()).isEqualTo(new UpdateState.Trial("0.2.0", "0.1.0", 0, clock.instant()));
        assertThat(current()).isEqualTo("0.2.0");
        assertThat(Files.readSymbolicLink(paths.previous())).isEqualTo(Path.of("releases/0.1.0"));
        assertThat(paths.release("0.2.0").resolve("VERSION")).hasContent("0.2.0");
        assertThat(paths.release("0.2.0").resolve("lib/common.jar")).exists();
        assertThat(paths.release("0.1.0").resolve(JAR)).exists();
        assertThat(paths.incoming()).doesNotExist();
        assertThat(paths.releases().resolve("0.2.0.tmp")).doesNotExist();
    }

    @Test
    void a_commit_file_naming_the_trial_release_finalizes_it() throws Exception {
        onTrial("0.1.0", "0.2.0");
        signal(paths.commit(), "0.2.0");

        UpdateState s = prepare();

        assertThat(s.running()).isEqualTo("0.2.0");
        assertThat(s.previous()).isNull();
        assertThat(s.trial()).isNull();
        assertThat(s.last()).isEqualTo(new UpdateState.Last(1, "0.2.0", "committed", null, null));
        assertThat(current()).isEqualTo("0.2.0");
        assertThat(paths.previous()).doesNotExist();
        assertThat(paths.release("0.1.0")).doesNotExist();
        assertThat(paths.commit()).doesNotExist();
    }

    @Test
    void three_crashes_on_trial_roll_back_and_the_version_is_refused_from_then_on() throws Exception {
        onTrial("0.1.0", "0.2.0");

        assertThat(prepare().trial().starts()).isEqualTo(1);
        assertThat(current()).isEqualTo("0.2.0");
        assertThat(prepare().trial().starts()).isEqualTo(2);
        UpdateState s = prepare();

        assertRolledBack(s, "crash-loop");
        stage("0.2.0");
        UpdateState again = prepare();
        assertThat(again.trial()).isNull();
        assertThat(current()).isEqualTo("0.1.0");
        assertThat(paths.incoming()).doesNotExist();
    }

    @Test
    void a_clean_stop_of_the_trial_release_is_not_counted() throws Exception {
        onTrial("0.1.0", "0.2.0");
        for (int i = 0; i < 5; i++) {
            signal(paths.cleanStop(), "0.2.0");
            assertThat(prepare().trial().starts()).isZero();
        }
        assertThat(paths.cleanStop()).doesNotExist();
    }

    @Test
    void a_clean_stop_left_by_the_old_release_does_not_hide_a_crash_of_the_new_one() throws Exception {
        onTrial("0.1.0", "0.2.0");
        signal(paths.cleanStop(), "0.1.0");

        assertThat(prepare().trial().starts()).isEqualTo(1);
    }

    @Test
    void a_hung_trial_release_is_rolled_back_at_once() throws Exception {
        onTrial("0.1.0", "0.2.0");
        signal(paths.exitCause(), "hung mqtt");

        assertRolledBack(prepare(), "hung");
        assertThat(paths.exitCause()).doesNotExist();
    }

    @Test
    void a_trial_release_that_ended_itself_not_healthy_is_rolled_back() throws Exception {
        onTrial("0.1.0", "0.2.0");
        signal(paths.exitCause(), "not-healthy");

        assertRolledBack(prepare(), "not-healthy");
    }

    @Test
    void a_trial_older_than_ten_minutes_is_rolled_back_as_not_healthy() throws Exception {
        onTrial("0.1.0", "0.2.0");
        clock.advance(Duration.ofMinutes(9));
        signal(paths.cleanStop(), "0.2.0");
        assertThat(prepare().trial()).isNotNull();

        clock.advance(Duration.ofMinutes(1));
        signal(paths.cleanStop(), "0.2.0");
        assertRolledBack(prepare(), "not-healthy");
    }

    @Test
    void a_refused_bundle_is_recorded_as_refused_and_deleted() throws Exception {
        installed("0.1.0");
        stage("0.2.0", Map.of("BAD-SIGNATURE", "x"));

        UpdateState s = prepare();

        assertThat(s.trial()).isNull();
        assertThat(s.last()).isEqualTo(new UpdateState.Last(1, null, "refused", "bad-signature", null));
        assertThat(s.refused()).isEmpty();
        assertThat(paths.incoming()).doesNotExist();
        assertThat(paths.release("0.2.0")).doesNotExist();
        assertThat(current()).isEqualTo("0.1.0");
    }

    @Test
    void a_bundle_not_newer_than_the_running_release_is_refused() throws Exception {
        installed("0.2.0");
        stage("0.1.9");

        UpdateState s = prepare();

        assertThat(s.last()).isEqualTo(new UpdateState.Last(1, "0.1.9", "refused", "not-newer", null));
        assertThat(current()).isEqualTo("0.2.0");
    }

    @Test
    void without_the_update_key_every_bundle_is_refused() throws Exception {
        installed("0.1.0");
        stage("0.2.0");
        Files.delete(paths.key());

        assertThat(prepare().last().reason()).isEqualTo("no-key");
        assertThat(current()).isEqualTo("0.1.0");
    }

    @Test
    void a_release_installed_in_place_by_motcua_setup_becomes_the_running_one() throws Exception {
        installed("0.1.0");
        prepare();
        installed("0.3.0");

        assertThat(prepare().running()).isEqualTo("0.3.0");
        assertThat(current()).isEqualTo("0.3.0");
    }

    @Test
    void a_dangling_current_is_pointed_back_at_the_running_release() throws Exception {
        installed("0.1.0");
        prepare();
        Files.delete(paths.current());
        Files.createSymbolicLink(paths.current(), Path.of("releases/0.3.0"));

        assertThat(prepare().running()).isEqualTo("0.1.0");
        assertThat(current()).isEqualTo("0.1.0");
        assertRunnable();
    }

    @Test
    void a_bundle_with_an_unexpected_kind_is_refused() throws Exception {
        installed("0.1.0");
        stage("0.2.0", Map.of("KIND", "kiosk"));

        assertThat(prepare().last().reason()).isEqualTo("wrong-kind");
    }

    /** Every step of staging, committing and rolling back, cut off by a power cut, then Prepare runs again. */
    @Test
    void a_power_cut_at_any_step_of_an_install_leaves_a_complete_release_and_the_next_run_finishes_it() throws Exception {
        List<String> seen = stepsOf(t -> {
            t.installed("0.1.0");
            t.prepare();
            t.stage("0.2.0");
        });
        assertThat(seen).contains("release-in-place", "trial-recorded", "current-linked", "incoming-deleted");
        for (int cut = 0; cut < seen.size(); cut++) {
            PrepareTest t = new PrepareTest();
            t.installed("0.1.0");
            t.prepare();
            t.stage("0.2.0");
            t.cutAt(cut);
            t.assertRunnable();
            UpdateState s = t.prepare();
            t.assertRunnable();
            assertThat(s.trial()).as("after a cut at %s", seen.get(cut)).isNotNull();
            assertThat(t.current()).as("after a cut at %s", seen.get(cut)).isEqualTo("0.2.0");
            assertThat(t.paths.incoming()).doesNotExist();
            assertThat(t.leftovers()).as("after a cut at %s", seen.get(cut)).isEmpty();
        }
    }

    @Test
    void a_power_cut_at_any_step_of_a_commit_leaves_a_complete_release_and_the_next_run_finishes_it() throws Exception {
        List<String> seen = stepsOf(t -> {
            t.onTrial("0.1.0", "0.2.0");
            t.signal(t.paths.commit(), "0.2.0");
        });
        assertThat(seen).contains("committed", "previous-unlinked", "removed-0.1.0");
        for (int cut = 0; cut < seen.size(); cut++) {
            PrepareTest t = new PrepareTest();
            t.onTrial("0.1.0", "0.2.0");
            t.signal(t.paths.commit(), "0.2.0");
            t.cutAt(cut);
            t.assertRunnable();
            UpdateState s = t.prepare();
            t.assertRunnable();
            assertThat(s.running()).as("after a cut at %s", seen.get(cut)).isEqualTo("0.2.0");
            assertThat(s.trial()).isNull();
            assertThat(s.last().result()).isEqualTo("committed");
            assertThat(t.current()).isEqualTo("0.2.0");
            assertThat(t.paths.previous()).doesNotExist();
            assertThat(t.paths.release("0.1.0")).doesNotExist();
        }
    }

    @Test
    void a_power_cut_at_any_step_of_a_rollback_leaves_a_complete_release_and_the_next_run_finishes_it() throws Exception {
        List<String> seen = stepsOf(t -> {
            t.onTrial("0.1.0", "0.2.0");
            t.signal(t.paths.exitCause(), "hung app");
        });
        assertThat(seen).contains("rolled-back", "current-linked", "previous-unlinked", "removed-0.2.0");
        for (int cut = 0; cut < seen.size(); cut++) {
            PrepareTest t = new PrepareTest();
            t.onTrial("0.1.0", "0.2.0");
            t.signal(t.paths.exitCause(), "hung app");
            t.cutAt(cut);
            t.assertRunnable();
            UpdateState s = t.prepare();
            t.assertRunnable();
            t.assertRolledBack(s, "hung");
        }
    }

    @Test
    void a_trial_whose_release_directory_is_gone_goes_back_to_the_previous_release() throws Exception {
        onTrial("0.1.0", "0.2.0");
        Files.delete(paths.release("0.2.0").resolve(JAR));

        assertRolledBack(prepare(), "missing");
    }

    @Test
    void a_half_extracted_release_from_a_power_cut_is_removed_and_extracted_again() throws Exception {
        installed("0.1.0");
        prepare();
        stage("0.2.0");
        Path half = paths.releases().resolve("0.2.0.tmp");
        Files.createDirectories(half.resolve("lib"));
        Files.writeString(half.resolve(JAR), "trunc");

        UpdateState s = prepare();

        assertThat(s.trial().version()).isEqualTo("0.2.0");
        assertThat(paths.release("0.2.0").resolve(JAR)).hasContent("jar 0.2.0");
        assertThat(half).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    private interface Setup {
        void run(PrepareTest t) throws Exception;
    }

    /** The steps a run of Prepare passes on a fresh root prepared by {@code setup}. */
    private static List<String> stepsOf(Setup setup) throws Exception {
        PrepareTest t = new PrepareTest();
        setup.run(t);
        List<String> seen = new ArrayList<>();
        new Prepare(t.paths, KIND, t.clock, new FakeBundles(), seen::add, t.log::add).run();
        return seen;
    }

    /** Runs Prepare with a power cut after the {@code n}th durable step. */
    private void cutAt(int n) {
        int[] count = {0};
        assertThatThrownBy(() -> new Prepare(paths, KIND, clock, new FakeBundles(), step -> {
            if (count[0]++ == n) {
                throw new PowerCut(step);
            }
        }, log::add).run()).isInstanceOf(PowerCut.class);
    }

    private static final class PowerCut extends IOException {
        PowerCut(String step) {
            super("power cut after " + step);
        }
    }

    private UpdateState prepare() throws IOException {
        return prepare(paths, Prepare.Steps.NONE).orElseThrow();
    }

    private java.util.Optional<UpdateState> prepare(UpdatePaths p, Prepare.Steps steps) throws IOException {
        return new Prepare(p, KIND, clock, new FakeBundles(), steps, log::add).run();
    }

    /** A release directory as motcua-setup installs it, with current pointing at it. */
    private void installed(String version) throws IOException {
        Path dir = paths.release(version);
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve(JAR), "jar " + version);
        Files.writeString(dir.resolve("lib/common.jar"), "lib " + version);
        Files.writeString(dir.resolve("VERSION"), version);
        Files.deleteIfExists(paths.current());
        Files.createSymbolicLink(paths.current(), Path.of("releases", version));
        Files.createDirectories(paths.key().getParent());
        Files.writeString(paths.key(), "-----BEGIN PUBLIC KEY-----\n");
        Files.createDirectories(paths.updateDir());
    }

    private void onTrial(String from, String to) throws IOException {
        installed(from);
        prepare();
        stage(to);
        assertThat(prepare().trial().version()).isEqualTo(to);
    }

    private void stage(String version) throws IOException {
        stage(version, Map.of());
    }

    private void stage(String version, Map<String, String> extra) throws IOException {
        Map<String, String> files = new TreeMap<>(extra);
        files.put(JAR, "jar " + version);
        files.put("lib/common.jar", "lib " + version);
        files.put("VERSION", version);
        Files.createDirectories(paths.updateDir());
        try (OutputStream out = Files.newOutputStream(paths.incoming()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private void signal(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }

    private String current() throws IOException {
        return Files.readSymbolicLink(paths.current()).getFileName().toString();
    }

    /** current leads to a release with its jar, and update.json (when there is one) names a release that exists. */
    private void assertRunnable() throws IOException {
        assertThat(paths.current().resolve(JAR)).as("current's jar; log: %s", log).isRegularFile();
        assertThat(Files.readString(paths.current().resolve(JAR))).startsWith("jar ");
        assertThat(paths.current().toRealPath().getFileName().toString()).doesNotEndWith(".tmp");
    }

    private void assertRolledBack(UpdateState s, String reason) throws IOException {
        assertThat(s.running()).isEqualTo("0.1.0");
        assertThat(s.trial()).isNull();
        assertThat(s.previous()).isNull();
        assertThat(s.refused()).containsExactly("0.2.0");
        assertThat(s.last().version()).isEqualTo("0.2.0");
        assertThat(s.last().result()).isEqualTo("rolled-back");
        assertThat(s.last().reason()).isEqualTo(reason);
        assertThat(s.last().to()).isEqualTo("0.1.0");
        assertThat(current()).isEqualTo("0.1.0");
        assertThat(paths.previous()).doesNotExist();
        assertThat(paths.release("0.2.0")).doesNotExist();
        assertThat(paths.release("0.1.0").resolve(JAR)).hasContent("jar 0.1.0");
    }

    /** Release directories and links that no state names. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> dirs = Files.list(paths.releases())) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("0.1.0") && !n.equals("0.2.0")).toList();
        }
    }

    /**
     * A stand-in for the signed-bundle verifier: the kind is that of the jar (or a {@code KIND} entry), the version the
     * {@code VERSION} entry, and an entry {@code BAD-SIGNATURE} makes a bundle whose signature does not verify.
     */
    private static final class FakeBundles implements Bundles {
        @Override
        public Verified verify(Path zip, String kind) throws IOException, RefusedBundle {
            Map<String, String> files = read(zip);
            if (files.containsKey("BAD-SIGNATURE")) {
                throw new RefusedBundle(Refusal.BAD_SIGNATURE, null, "manifest.sig does not verify");
            }
            String bundleKind = files.getOrDefault("KIND", KIND);
            if (!bundleKind.equals(kind)) {
                throw new RefusedBundle(Refusal.WRONG_KIND, files.get("VERSION"), "a bundle for " + bundleKind);
            }
            // this stand-in extracts from the zip itself: it needs no manifest
            return new Verified(bundleKind, files.get("VERSION"), null);
        }

        @Override
        public void extract(Path zip, Verified bundle, Path dir) throws IOException {
            Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
            for (Map.Entry<String, String> f : read(zip).entrySet()) {
                Path file = tmp.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private static Map<String, String> read(Path zip) throws IOException {
            Map<String, String> files = new TreeMap<>();
            try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    files.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        }
    }
}
