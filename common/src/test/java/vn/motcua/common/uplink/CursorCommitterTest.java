package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class CursorCommitterTest {
    private final List<Long> stored = new CopyOnWriteArrayList<>();
    private final List<String> storingThreads = new CopyOnWriteArrayList<>();

    /** A cursor store that records what it was given, on which thread, and can be held mid-commit. */
    private final class HeldStore implements LongConsumer {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;

        @Override
        public void accept(long seq) {
            storingThreads.add(Thread.currentThread().getName());
            if (hold) {
                hold = false;
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stored.add(seq);
        }
    }

    @Test
    void stores_the_cursor_on_its_own_thread_and_never_moves_it_back() {
        CursorCommitter committer = new CursorCommitter(new HeldStore(), 3);
        committer.commitLater(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> committer.persisted() == 7);
        committer.commitLater(5);
        committer.commitNow(2);
        assertThat(stored).containsExactly(7L);
        assertThat(storingThreads).containsExactly("outbox-cursor");
    }

    @Test
    void requests_made_while_a_commit_waits_for_the_disk_become_one_commit_of_the_highest() throws Exception {
        HeldStore store = new HeldStore();
        store.hold = true;
        CursorCommitter committer = new CursorCommitter(store, 0);
        committer.commitLater(100);
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
        // the caller goes on while the commit of 100 is held
        committer.commitLater(250);
        committer.commitLater(180);
        committer.commitLater(400);
        assertThat(committer.persisted()).isZero();
        store.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> committer.persisted() == 400);
        assertThat(stored).containsExactly(100L, 400L);
    }

    @Test
    void a_commit_now_waits_for_the_commit_under_way_then_stores_the_last_cursor_on_the_caller() throws Exception {
        HeldStore store = new HeldStore();
        store.hold = true;
        CursorCommitter committer = new CursorCommitter(store, 0);
        committer.commitLater(10);
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean done = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            committer.commitNow(42);
            done.set(true);
        }, "stopper");
        stopper.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> stopper.getState() == Thread.State.BLOCKED);
        assertThat(done).isFalse();
        store.release.countDown();
        stopper.join(5000);
        assertThat(done).isTrue();
        assertThat(committer.persisted()).isEqualTo(42);
        assertThat(stored).containsExactly(10L, 42L);
        assertThat(storingThreads).containsExactly("outbox-cursor", "stopper");
    }

    @Test
    void a_refused_commit_is_tried_again_at_the_next_request() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        CursorCommitter committer = new CursorCommitter(seq -> {
            if (refuse.get()) {
                throw new IllegalStateException("disk full");
            }
            stored.add(seq);
        }, 0);
        committer.commitNow(5);
        assertThat(committer.persisted()).isZero();
        refuse.set(false);
        committer.commitLater(5);
        await().atMost(Duration.ofSeconds(5)).until(() -> committer.persisted() == 5);
        assertThat(stored).containsExactly(5L);
    }

    @Test
    void its_thread_ends_when_no_commit_is_asked_for() {
        CursorCommitter committer = new CursorCommitter(new HeldStore(), 0, 50);
        assertThat(committer.threadAlive()).isFalse();
        committer.commitLater(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> committer.persisted() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !committer.threadAlive());
        committer.commitLater(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> committer.persisted() == 2);
    }
}
