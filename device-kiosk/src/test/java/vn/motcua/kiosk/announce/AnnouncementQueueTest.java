package vn.motcua.kiosk.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.runtime.DeviceThreads;

class AnnouncementQueueTest {
    private final List<String> spoken = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<ComponentStatus> health = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private volatile boolean holdFirst;
    private volatile String failOn;
    private final Speaker fake = a -> {
        spoken.add(a.text());
        firstStarted.countDown();
        if (holdFirst && spoken.size() == 1) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (a.text().equals(failOn)) {
            throw new IOException("amplifier off");
        }
        finished.add(a.text());
    };
    private final AnnouncementQueue queue = new AnnouncementQueue(fake, health::add, DeviceThreads.named("announcer"));

    @AfterEach
    void stopQueue() {
        release.countDown();
        queue.stop();
    }

    @Test
    void announces_in_call_order() throws Exception {
        queue.start();

        for (int i = 1; i <= 5; i++) {
            queue.announce(Announcement.of("Mời số A00" + i + " đến quầy " + i));
        }

        await(() -> finished.size() == 5);
        assertThat(finished).containsExactly("Mời số A001 đến quầy 1", "Mời số A002 đến quầy 2",
                "Mời số A003 đến quầy 3", "Mời số A004 đến quầy 4", "Mời số A005 đến quầy 5");
        assertThat(queue.announced()).isEqualTo(finished);
    }

    @Test
    void never_drops_or_cuts_off_calls_made_while_busy() throws Exception {
        holdFirst = true;
        queue.start();
        queue.announce(Announcement.of("call 0"));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 1; i <= 80; i++) {
            queue.announce(Announcement.of("call " + i));
        }
        assertThat(queue.backlog()).isEqualTo(80);
        assertThat(queue.announced()).containsExactly("call 0");
        release.countDown();

        await(() -> finished.size() == 81);
        assertThat(finished).startsWith("call 0", "call 1", "call 2").endsWith("call 79", "call 80");
        assertThat(finished).doesNotHaveDuplicates();
    }

    @Test
    void a_flood_of_calls_keeps_the_newest_waiting_and_counts_the_dropped_ones() throws Exception {
        holdFirst = true;
        queue.start();
        queue.announce(Announcement.of("call 0"));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        int calls = AnnouncementQueue.MAX_WAITING + 25;
        for (int i = 1; i <= calls; i++) {
            queue.announce(Announcement.of("call " + i));
        }
        assertThat(queue.backlog()).isEqualTo(AnnouncementQueue.MAX_WAITING);
        assertThat(queue.dropped()).isEqualTo(25);
        release.countDown();

        await(() -> finished.size() == AnnouncementQueue.MAX_WAITING + 1);
        assertThat(finished).startsWith("call 0", "call 26").endsWith("call " + calls);
    }

    @Test
    void announces_a_repeated_call_again() throws Exception {
        queue.start();

        queue.announce(Announcement.of("Mời số B007 đến quầy 2"));
        queue.announce(Announcement.of("Mời số B007 đến quầy 2"));

        await(() -> finished.size() == 2);
        assertThat(queue.announced()).containsExactly("Mời số B007 đến quầy 2", "Mời số B007 đến quầy 2");
    }

    @Test
    void goes_on_after_a_speaker_failure_and_reports_it() throws Exception {
        failOn = "second";
        queue.start();

        queue.announce(Announcement.of("first"));
        queue.announce(Announcement.of("second"));
        queue.announce(Announcement.of("third"));

        await(() -> finished.size() == 2);
        assertThat(finished).containsExactly("first", "third");
        assertThat(queue.announced()).containsExactly("first", "second", "third");
        assertThat(health).containsExactly(ComponentStatus.fault("speaker-failed"), ComponentStatus.OK);
    }

    @Test
    void plays_calls_queued_before_start_once_started() throws Exception {
        queue.announce(Announcement.of("early"));
        Thread.sleep(50);
        assertThat(spoken).isEmpty();

        queue.start();

        await(() -> finished.size() == 1);
        assertThat(finished).containsExactly("early");
    }

    @Test
    void stop_lets_the_call_being_played_finish() throws Exception {
        holdFirst = true;
        queue.start();
        queue.announce(Announcement.of("playing"));
        queue.announce(Announcement.of("waiting"));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(queue::stop);
        stopper.start();
        Thread.sleep(100);
        assertThat(stopper.isAlive()).isTrue();
        release.countDown();
        stopper.join(5_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(finished).containsExactly("playing");
        queue.announce(Announcement.of("after stop"));
        assertThat(queue.backlog()).isZero();
    }

    @Test
    void works_with_the_simulated_speaker() throws Exception {
        RecordingSpeaker speaker = new RecordingSpeaker(Duration.ofMillis(5));
        AnnouncementQueue simulated = new AnnouncementQueue(speaker, health::add, DeviceThreads.named("announcer"));
        simulated.start();
        try {
            AnnouncementTemplate template = new AnnouncementTemplate(null);
            simulated.announce(template.call("A007", 3));
            await(() -> speaker.spoken().size() == 1);
            speaker.failWith("amplifier off");
            simulated.announce(template.call("A008", 4));
            await(() -> health.contains(ComponentStatus.fault("speaker-failed")));
            speaker.recover();
            simulated.announce(template.call("A009", 5));
            await(() -> speaker.spoken().size() == 2);

            assertThat(simulated.announced()).containsExactly("Mời số A007 đến quầy 3", "Mời số A008 đến quầy 4",
                    "Mời số A009 đến quầy 5");
            assertThat(speaker.spoken()).extracting(Announcement::spoken)
                    .containsExactly("Mời số A không không bảy đến quầy ba", "Mời số A không không chín đến quầy năm");
        } finally {
            simulated.stop();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
