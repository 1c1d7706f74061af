package vn.motcua.kiosk.procedures;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.json.Json;

/** Loads the sample dossiers (about 30, codes like {@code 000.00.25.H29-261120-0001}) from the module's resources. */
public final class SampleDossiers {
    static final String RESOURCE = "/vn/motcua/kiosk/sample-dossiers.json";

    private SampleDossiers() {
    }

    public static List<SampleDossier> load() {
        try (InputStream in = SampleDossiers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<SampleDossier> list = new ArrayList<>();
            for (JsonNode d : Json.parse(in.readAllBytes())) {
                list.add(new SampleDossier(d.path("code").asText(), d.path("status").asText(),
                        d.path("statusText").asText(), d.path("procedureId").asText()));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
