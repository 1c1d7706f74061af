package vn.motcua.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.SmallDisk;

/** The state store on a real small disk that fills up or turns read-only under it. */
class StorageFaultTest {
    private static final String ROW = "x".repeat(2000);

    @Test
    void a_full_disk_is_storage_full_nothing_half_written_and_writes_work_again_once_space_returns() {
        try (SmallDisk disk = SmallDisk.tmpfs("full-", 4); StateStore store = StateStore.open(disk.dir())) {
            List<Optional<StorageFault>> heard = new ArrayList<>();
            store.addFaultListener(heard::add);
            store.migrate("t", List.of("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            insert(store, 1);
            disk.fill();

            assertThatThrownBy(() -> insert(store, 2)).isInstanceOf(StateException.class)
                    .hasMessageContaining("SQLITE_FULL")
                    .satisfies(e -> assertThat(((StateException) e).fault()).contains(StorageFault.FULL));
            assertThat(store.fault()).contains(StorageFault.FULL);
            assertThat(store.probe("t1")).isFalse();
            assertThat(count(store)).isEqualTo(1);

            disk.free();
            assertThat(store.probe("t2")).isTrue();
            assertThat(store.fault()).isEmpty();
            insert(store, 2);
            assertThat(count(store)).isEqualTo(2);
            assertThat(heard).containsExactly(Optional.of(StorageFault.FULL), Optional.empty());
        }
    }

    @Test
    void work_deferred_while_the_disk_is_full_commits_first_once_it_takes_writes() {
        try (SmallDisk disk = SmallDisk.tmpfs("defer-", 4); StateStore store = StateStore.open(disk.dir())) {
            store.migrate("t", List.of("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            disk.fill();
            assertThatThrownBy(() -> insert(store, 1)).isInstanceOf(StateException.class);
            store.deferUntilWritable(tx -> tx.putMeta("started", "yes"));
            assertThat(store.probe("t1")).isFalse();
            assertThat(meta(store, "started")).isEmpty();

            disk.free();
            insert(store, 1);
            assertThat(meta(store, "started")).contains("yes");
        }
    }

    @Test
    void a_disk_the_kernel_makes_read_only_under_the_open_database_is_storage_read_only() {
        try (SmallDisk disk = SmallDisk.ext4("ro-", 8); StateStore store = StateStore.open(disk.dir())) {
            store.migrate("t", List.of("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            insert(store, 1);
            disk.failReadOnly();

            assertThatThrownBy(() -> insert(store, 2)).isInstanceOf(StateException.class)
                    .satisfies(e -> assertThat(((StateException) e).fault()).contains(StorageFault.READ_ONLY));
            assertThat(store.fault()).contains(StorageFault.READ_ONLY);
            assertThat(count(store)).isEqualTo(1);
        }
    }

    @Test
    void opening_on_a_full_disk_reads_and_reports_storage_full_on_the_first_write() {
        try (SmallDisk disk = SmallDisk.tmpfs("open-full-", 4)) {
            try (StateStore store = StateStore.open(disk.dir())) {
                store.migrate("t", List.of("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
                insert(store, 1);
            }
            disk.fill();
            try (StateStore store = StateStore.open(disk.dir())) {
                store.migrate("t", List.of("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
                assertThat(count(store)).isEqualTo(1);
                assertThatThrownBy(() -> insert(store, 2)).isInstanceOf(StateException.class)
                        .satisfies(e -> assertThat(((StateException) e).fault()).contains(StorageFault.FULL));
                disk.free();
                insert(store, 2);
                assertThat(count(store)).isEqualTo(2);
            }
        }
    }

    private static void insert(StateStore store, int id) {
        store.inTransaction(tx -> tx.update("INSERT INTO rows(id, body) VALUES(?, ?)", id, ROW));
    }

    private static Optional<String> meta(StateStore store, String key) {
        return store.read(tx -> tx.meta(key));
    }

    private static long count(StateStore store) {
        return store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM rows", -1));
    }
}
