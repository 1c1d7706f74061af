package vn.motcua.kiosk.hall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.kiosk.announce.Announcement;
import vn.motcua.kiosk.announce.AnnouncementQueue;
import vn.motcua.kiosk.announce.Announcer;
import vn.motcua.kiosk.announce.EspeakSpeaker;
import vn.motcua.kiosk.announce.RecordingSpeaker;

/**
 * The hall display's voice: an {@link AnnouncementQueue} in front of eSpeak NG (played with
 * {@code hardware.speaker.player}, default {@code aplay -q} when installed) on a Pi, or a recording speaker in the
 * sim profile. The voice can change with the config; the queue speaks through a {@link VoiceSwitch}, not through
 * this class.
 */
public final class HallAnnouncer implements Announcer {
    static final Duration SIM_PLAY_TIME = Duration.ofMillis(150);

    private final AnnouncementQueue queue;
    private final Path workDir;
    private final List<String> player;
    private final boolean simulated;
    private final VoiceSwitch speaker;
    private String voice = "";

    private HallAnnouncer(Path workDir, List<String> player, boolean simulated, Consumer<ComponentStatus> health,
                          ThreadFactory threads) {
        this.workDir = workDir;
        this.player = player;
        this.simulated = simulated;
        this.speaker = new VoiceSwitch(simulated ? new RecordingSpeaker(SIM_PLAY_TIME) : announcement -> { });
        this.queue = new AnnouncementQueue(speaker, health, threads);
    }

    /**
     * The announcer for a device: simulated, or eSpeak with the identity's {@code hardware.speaker.player}; its queue
     * plays on a thread made by {@code threads}.
     */
    public static HallAnnouncer create(boolean simulated, Optional<List<String>> player, Path workDir,
                                       Consumer<ComponentStatus> health, ThreadFactory threads) {
        return new HallAnnouncer(workDir, player.orElseGet(HallAnnouncer::defaultPlayer), simulated, health, threads);
    }

    /** Uses this eSpeak voice from now on (on a Pi); a voice that cannot be set up keeps the previous one. */
    public synchronized void useVoice(String newVoice) {
        if (simulated || newVoice.equals(voice)) {
            return;
        }
        try {
            speaker.use(EspeakSpeaker.builder(workDir).voice(newVoice).player(player).build());
            voice = newVoice;
        } catch (IOException e) {
            Logger.error("cannot set up the announcement voice {} in {}: {}; keeping the previous one", newVoice,
                    workDir, e.getMessage());
        }
    }

    public void start() {
        queue.start();
    }

    public void stop() {
        queue.stop();
    }

    @Override
    public void announce(Announcement announcement) {
        queue.announce(announcement);
    }

    /** Every text announced since start, in order. */
    public List<String> announced() {
        return queue.announced();
    }

    private static List<String> defaultPlayer() {
        return Files.isExecutable(Path.of("/usr/bin/aplay")) ? List.of("/usr/bin/aplay", "-q") : List.of();
    }
}
