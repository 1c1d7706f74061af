package vn.motcua.office.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.procedures.SampleDossier;

/** Answers the kiosks' dossier look-ups from a set of known dossiers. */
public final class DossierDesk {
    private final Map<String, SampleDossier> byCode;

    public DossierDesk(List<SampleDossier> dossiers) {
        this.byCode = dossiers.stream().collect(Collectors.toUnmodifiableMap(SampleDossier::code, Function.identity(), (a, b) -> a));
    }

    /** The response to a {@code dossier/request}: {@code {"requestId","code","found","status","statusText"}}. */
    public ObjectNode answer(JsonNode request) {
        String code = request.path("code").asText("");
        ObjectNode out = Json.object();
        out.set("requestId", request.path("requestId"));
        out.put("code", code);
        SampleDossier d = byCode.get(code);
        out.put("found", d != null);
        out.put("status", d == null ? null : d.status());
        out.put("statusText", d == null ? null : d.statusText());
        return out;
    }

    /** A known code of each status (received, processing, ...), for the panel's list of sample scans. */
    public List<String> samples() {
        Map<String, String> oneEach = new TreeMap<>();
        byCode.values().stream().sorted(Comparator.comparing(SampleDossier::code))
                .forEach(d -> oneEach.putIfAbsent(d.status(), d.code()));
        return List.copyOf(oneEach.values());
    }
}
