package vn.motcua.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.config.ConfigReader;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.announce.AnnouncementTemplate;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SampleCatalogs;
import vn.motcua.kiosk.scanner.DossierCodes;

/**
 * Validates the kiosk's config: mode, up to 2,000 procedures with unique ids, the dossier code pattern, idle time,
 * announcements and the notice line. Without {@code procedures} the kiosk offers the bundled sample catalog.
 */
public final class KioskConfigModel implements ConfigModel<KioskConfig> {
    private static final Set<String> FIELDS = union(CommonConfig.FIELDS, Set.of("mode", "procedures",
            "dossierCodePattern", "idleSeconds", "announce", "notice"));
    private static final Set<String> PROCEDURE_FIELDS = Set.of("id", "title", "field", "durationDays", "fee", "documents");
    private static final Set<String> ANNOUNCE_FIELDS = Set.of("enabled", "template", "voice");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_+-]{1,32}");
    static final int MAX_NOTICE = 200;

    @Override
    public KioskConfig defaults() {
        return new KioskConfig(CommonConfig.defaults(), KioskMode.LOOKUP, SampleCatalogs.sample(),
                DossierCodes.DEFAULT_PATTERN, KioskConfig.DEFAULT_IDLE_SECONDS, AnnounceSettings.defaults(), "",
                Json.object().put("version", 0).put("mode", KioskMode.LOOKUP.wire()));
    }

    @Override
    public Parsed<KioskConfig> parse(JsonNode body) {
        ConfigReader r = ConfigReader.root(body);
        if (!r.valid()) {
            return Parsed.failed(r.errors());
        }
        CommonConfig common = CommonConfig.read(r);
        KioskMode mode = KioskMode.fromWire(r.oneOf("mode", "lookup", "lookup", "hall-display"));
        List<Integer> indexes = new ArrayList<>();
        List<Procedure> procedures = r.has("procedures")
                ? r.objects("procedures", KioskConfig.MAX_PROCEDURES, (p, i) -> {
                    indexes.add(i);
                    return procedure(p);
                })
                : SampleCatalogs.sample();
        checkUniqueIds(r, procedures, indexes);
        Pattern pattern = r.regex("dossierCodePattern", DossierCodes.DEFAULT_REGEX);
        int idle = (int) r.optionalLong("idleSeconds", KioskConfig.DEFAULT_IDLE_SECONDS, 10, 3600);
        AnnounceSettings announce = r.object("announce", AnnounceSettings.defaults(), this::announce);
        String notice = r.text("notice", "", 0, MAX_NOTICE);
        r.rejectUnknown(FIELDS);
        return r.valid()
                ? Parsed.ok(new KioskConfig(common, mode, procedures, pattern, idle, announce, notice, body))
                : Parsed.failed(r.errors());
    }

    private Procedure procedure(ConfigReader p) {
        String id = p.matching("id", null, ID, "must be 1-64 letters, digits, '.', '_' or '-'");
        String title = p.requiredText("title", 1, 300);
        String field = p.requiredText("field", 1, 100);
        int days = (int) p.optionalLong("durationDays", 0, 0, 3650);
        String fee = p.text("fee", "", 0, 200);
        List<String> documents = p.texts("documents", List.of(), 50, 500);
        p.rejectUnknown(PROCEDURE_FIELDS);
        return new Procedure(id == null ? "" : id, title == null ? "" : title, field == null ? "" : field,
                days, fee, documents);
    }

    private void checkUniqueIds(ConfigReader r, List<Procedure> procedures, List<Integer> indexes) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            String id = procedures.get(i).id();
            if (!id.isEmpty() && !ids.add(id)) {
                r.error("procedures[" + indexes.get(i) + "].id", "\"" + id + "\" is used by an earlier procedure");
            }
        }
    }

    private AnnounceSettings announce(ConfigReader a) {
        boolean enabled = a.bool("enabled", true);
        String template = a.text("template", AnnouncementTemplate.DEFAULT, 1, 200);
        Optional<String> voice = a.has("voice")
                ? Optional.ofNullable(a.matching("voice", null, VOICE, "must be an eSpeak voice name such as vi"))
                : Optional.empty();
        a.rejectUnknown(ANNOUNCE_FIELDS);
        return new AnnounceSettings(enabled, template, voice);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
