package vn.motcua.kiosk.config;

import java.util.Optional;
import vn.motcua.kiosk.announce.AnnouncementTemplate;

/** The hall display's voice calls: whether to speak, the call template, and an optional eSpeak voice name. */
public record AnnounceSettings(boolean enabled, String template, Optional<String> voice) {
    public static AnnounceSettings defaults() {
        return new AnnounceSettings(true, AnnouncementTemplate.DEFAULT, Optional.empty());
    }
}
