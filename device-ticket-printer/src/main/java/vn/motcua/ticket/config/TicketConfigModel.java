package vn.motcua.ticket.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.config.ConfigReader;
import vn.motcua.common.json.Json;

/** Validates the ticket printer's config: unique service codes A–Z, one service per button, sane ranges and texts. */
public final class TicketConfigModel implements ConfigModel<TicketConfig> {
    private static final Pattern CODE = Pattern.compile("[A-Z]");
    private static final Pattern BUTTON = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Set<String> FIELDS = union(CommonConfig.FIELDS, Set.of("services", "ticket", "minIntervalMillis"));
    private static final Set<String> SERVICE_FIELDS = Set.of("code", "name", "button", "from", "to", "priority");
    private static final Set<String> TICKET_FIELDS = Set.of("header", "footer", "qrUrl");
    static final int MAX_LINES = 8;
    static final int MAX_LINE = 64;

    @Override
    public TicketConfig defaults() {
        return new TicketConfig(CommonConfig.defaults(), List.of(), TicketTexts.none(),
                TicketConfig.DEFAULT_MIN_INTERVAL_MILLIS, Json.object().put("version", 0));
    }

    @Override
    public Parsed<TicketConfig> parse(JsonNode body) {
        return ConfigReader.parse(body, r -> read(r, body));
    }

    private TicketConfig read(ConfigReader r, JsonNode body) {
        CommonConfig common = CommonConfig.read(r);
        List<Service> services = r.objects("services", 26, this::service);
        checkUnique(r, services);
        TicketTexts texts = r.object("ticket", TicketTexts.none(), this::texts);
        int minInterval = (int) r.optionalLong("minIntervalMillis", TicketConfig.DEFAULT_MIN_INTERVAL_MILLIS, 0, 10_000);
        r.rejectUnknown(FIELDS);
        return new TicketConfig(common, services, texts, minInterval, body);
    }

    private Service service(ConfigReader s, int index) {
        String code = s.matching("code", null, CODE, "must be one capital letter A-Z");
        String name = s.requiredText("name", 1, MAX_LINE);
        String button = s.matching("button", null, BUTTON, "must be a button name such as A");
        int from = (int) s.optionalLong("from", 1, 0, 9999);
        int to = (int) s.optionalLong("to", 999, 0, 9999);
        if (from > to) {
            s.error("to", "must not be below from (" + from + ")");
        }
        boolean priority = s.bool("priority", false);
        s.rejectUnknown(SERVICE_FIELDS);
        return new Service(code, name, button, from, to, priority);
    }

    private void checkUnique(ConfigReader r, List<Service> services) {
        Set<String> codes = new HashSet<>();
        Set<String> buttons = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            if (s.code() != null && !codes.add(s.code())) {
                r.error("services[" + i + "].code", "\"" + s.code() + "\" is used by an earlier service");
            }
            if (s.button() != null && !buttons.add(s.button())) {
                r.error("services[" + i + "].button", "button \"" + s.button() + "\" already issues another service");
            }
        }
    }

    private TicketTexts texts(ConfigReader t) {
        List<String> header = t.texts("header", List.of(), MAX_LINES, MAX_LINE);
        List<String> footer = t.texts("footer", List.of(), MAX_LINES, MAX_LINE);
        Optional<String> qr = Optional.empty();
        if (t.has("qrUrl")) {
            String url = t.text("qrUrl", null, 1, 300);
            if (url != null && !url.matches("https?://\\S+")) {
                t.error("qrUrl", "must be an http(s) URL, optionally with {ticket}");
            }
            qr = Optional.ofNullable(url);
        }
        t.rejectUnknown(TICKET_FIELDS);
        return new TicketTexts(header, footer, qr);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
