package vn.motcua.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.ConfigService.Outcome;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.SmallDisk;
import vn.motcua.common.testing.TestDirs;

/** What the device runs, what GET /config says and what the database keeps never disagree, whatever fails. */
class ConfigServiceStorageTest {
    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private StateStore store;
    private ConfigService<CommonOnlyConfig> service;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Test
    void a_config_the_full_disk_cannot_store_is_answered_not_stored_and_never_applied() throws Exception {
        try (SmallDisk disk = SmallDisk.tmpfs("config-full-", 4); AutoCloseable closed = this::close) {
            open(disk.dir());
            assertThat(service.put(body(1, "Định Công"), null).outcome()).isEqualTo(Outcome.APPLIED);
            disk.fill();

            ConfigService.PutResult result = service.put("{\"version\":2,\"padding\":[\"" + "x".repeat(9000) + "\"]}", null);

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_STORED);
            assertThat(result.errors().get(0).message()).contains("storage-full", "running config is unchanged");
            assertThat(result.currentVersion()).isEqualTo(1);
            assertThat(applied).containsExactly(1L);
            assertThat(service.version()).isEqualTo(1);
            disk.free();
            assertThat(restarted(disk.dir())).isEqualTo(1);
        }
    }

    @Test
    void a_config_stored_and_applied_whose_making_current_fails_is_rolled_back_in_the_device_and_the_store() throws Exception {
        try (SmallDisk disk = SmallDisk.tmpfs("config-commit-", 4); AutoCloseable closed = this::close) {
            open(disk.dir());
            assertThat(service.put(body(1, "Định Công"), null).outcome()).isEqualTo(Outcome.APPLIED);
            service.setApplier(c -> {
                applied.add(c.version());
                if (c.version() == 2) {
                    disk.fill();
                }
            });

            ConfigService.PutResult result = service.put(body(2, "Hoàng Mai"), null);

            assertThat(result.outcome()).isEqualTo(Outcome.NOT_STORED);
            assertThat(applied).containsExactly(1L, 2L, 1L);
            assertThat(service.version()).isEqualTo(1);
            disk.free();
            assertThat(restarted(disk.dir())).isEqualTo(1);
            assertThat(types()).containsExactly("config.applied");
        }
    }

    @Test
    void a_config_that_fails_to_apply_keeps_the_previous_running_and_current_in_the_store() {
        Path dir = TestDirs.create("config-apply-");
        open(dir);
        assertThat(service.put(body(1, "Định Công"), null).outcome()).isEqualTo(Outcome.APPLIED);

        ConfigService.PutResult result = service.put("{\"version\":2,\"failApply\":true}", null);

        assertThat(result.outcome()).isEqualTo(Outcome.APPLY_FAILED);
        assertThat(applied).containsExactly(1L, 2L, 1L);
        assertThat(restarted(dir)).isEqualTo(1);
        assertThat(types()).containsExactly("config.applied", "config.rejected");
        assertThat(new ConfigStore(store).version(2)).isEmpty();
    }

    @Test
    void a_version_kept_from_before_a_fall_back_to_the_defaults_is_replaced_and_survives_a_restart() {
        Path dir = TestDirs.create("config-clash-");
        try (StateStore old = StateStore.open(dir)) {
            old.inTransaction(tx -> tx.update("INSERT INTO config_versions(version, body, stored_at_millis) VALUES(5, ?, 0)",
                    "{\"version\":5,\"telemetryIntervalSeconds\":5}"));
        }
        open(dir);
        assertThat(service.version()).isZero();

        assertThat(service.put(body(5, "Định Công"), null).outcome()).isEqualTo(Outcome.APPLIED);

        assertThat(restarted(dir)).isEqualTo(5);
        assertThat(service.current().common().officeName()).isEqualTo("Định Công");
    }

    private void open(Path dir) {
        store = StateStore.open(dir);
        EventLog events = new EventLog(store, "dev-1", ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC());
        service = new ConfigService<>(new CommonOnlyConfig.Model(), store, events, Clock.systemUTC());
        service.load();
        service.setApplier(c -> {
            applied.add(c.version());
            if (c.failApply()) {
                throw new IllegalStateException("the app refused it");
            }
        });
    }

    /** The version a restarted device runs. */
    private long restarted(Path dir) {
        store.close();
        open(dir);
        return service.version();
    }

    private List<String> types() {
        EventLog events = new EventLog(store, "dev-1", ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC());
        return events.readAfter(0, 100).stream().map(RecordedEvent::type).toList();
    }

    private static String body(long version, String officeName) {
        return "{\"version\":" + version + ",\"officeName\":\"" + officeName + "\"}";
    }
}
