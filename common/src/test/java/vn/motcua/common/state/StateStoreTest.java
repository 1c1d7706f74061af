package vn.motcua.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;

class StateStoreTest {
    private final Path dir = TestDirs.create("state-");

    @Test
    void runs_each_migration_step_once_across_reopens() {
        List<String> steps = List.of("CREATE TABLE things(id INTEGER PRIMARY KEY, name TEXT)",
                "ALTER TABLE things ADD COLUMN size INTEGER; INSERT INTO things(name, size) VALUES('a', 1)");
        try (StateStore store = StateStore.open(dir)) {
            assertThat(store.createdNow()).isTrue();
            store.migrate("things", steps);
        }
        try (StateStore store = StateStore.open(dir)) {
            assertThat(store.createdNow()).isFalse();
            store.migrate("things", steps);
            long count = store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM things", -1));
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void splits_migration_steps_on_semicolons_outside_quotes() {
        assertThat(StateStore.statements("INSERT INTO t VALUES('a;b'); DELETE FROM t;\n"))
                .containsExactly("INSERT INTO t VALUES('a;b')", "DELETE FROM t");
    }

    @Test
    void a_failed_transaction_leaves_nothing_behind() {
        try (StateStore store = StateStore.open(dir)) {
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.putMeta("half", "done");
                throw new IllegalStateException("power cut");
            })).hasMessage("power cut");
            java.util.Optional<String> half = store.read(tx -> tx.meta("half"));
            assertThat(half).isEmpty();
        }
    }

    @Test
    void after_commit_actions_run_only_after_a_commit() {
        try (StateStore store = StateStore.open(dir)) {
            StringBuilder heard = new StringBuilder();
            store.inTransaction(tx -> {
                tx.afterCommit(() -> heard.append("committed"));
                assertThat(heard).isEmpty();
                return null;
            });
            assertThat(heard).hasToString("committed");
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.afterCommit(() -> heard.append("!"));
                throw new IllegalStateException("rolled back");
            }));
            assertThat(heard).hasToString("committed");
        }
    }

    @Test
    void refuses_nested_transactions() {
        try (StateStore store = StateStore.open(dir)) {
            assertThatThrownBy(() -> store.inTransaction(tx -> store.inTransaction(inner -> null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
            store.inTransaction(tx -> {
                tx.putMeta("still", "usable");
                return null;
            });
            java.util.Optional<String> still = store.read(tx -> tx.meta("still"));
            assertThat(still).contains("usable");
        }
    }

    @Test
    void reads_cannot_write() {
        try (StateStore store = StateStore.open(dir)) {
            assertThatThrownBy(() -> store.read(tx -> tx.update("DELETE FROM meta")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void a_failed_commit_reports_the_real_sqlite_error_and_rolls_back() {
        try (StateStore store = StateStore.open(dir)) {
            store.migrate("fk", List.of("CREATE TABLE parent(id INTEGER PRIMARY KEY); CREATE TABLE child(id INTEGER PRIMARY KEY, "
                    + "parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"));
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.putMeta("half", "done");
                tx.update("INSERT INTO child(id, parent) VALUES(1, 42)");
                return null;
            })).isInstanceOf(StateException.class).hasMessageContaining("FOREIGN KEY constraint failed")
                    .hasMessageNotContaining("no transaction is active");
            java.util.Optional<String> half = store.read(tx -> tx.meta("half"));
            assertThat(half).isEmpty();
            store.inTransaction(tx -> {
                tx.putMeta("after", "ok");
                return null;
            });
        }
        try (StateStore store = StateStore.open(dir)) {
            java.util.Optional<String> half = store.read(tx -> tx.meta("half"));
            java.util.Optional<String> after = store.read(tx -> tx.meta("after"));
            long children = store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM child", -1));
            assertThat(half).isEmpty();
            assertThat(after).contains("ok");
            assertThat(children).isZero();
        }
    }
}
