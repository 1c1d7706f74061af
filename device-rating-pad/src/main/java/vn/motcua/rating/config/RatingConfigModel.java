package vn.motcua.rating.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.config.ConfigReader;
import vn.motcua.common.json.Json;

/** Validates the rating pad's config: up to 8 reasons with unique codes and buttons, sane timeout and cooldown. */
public final class RatingConfigModel implements ConfigModel<RatingConfig> {
    public static final int MAX_REASONS = 8;
    static final int MAX_LABEL = 64;
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern BUTTON = Pattern.compile("reason-[1-8]");
    private static final Set<String> FIELDS = union(CommonConfig.FIELDS,
            Set.of("reasons", "reasonTimeoutSeconds", "cooldownSeconds"));
    private static final Set<String> REASON_FIELDS = Set.of("code", "label", "button");
    /** The reasons a pad offers before its first config. */
    public static final List<Reason> DEFAULT_REASONS = List.of(
            new Reason("time", "Thời gian chờ lâu", "reason-1"),
            new Reason("attitude", "Thái độ phục vụ", "reason-2"),
            new Reason("procedure", "Thủ tục phức tạp", "reason-3"),
            new Reason("other", "Lý do khác", "reason-4"));

    @Override
    public RatingConfig defaults() {
        ObjectNode json = Json.object().put("version", 0);
        var reasons = json.putArray("reasons");
        DEFAULT_REASONS.forEach(r -> reasons.addObject().put("code", r.code()).put("label", r.label())
                .put("button", r.button()));
        json.put("reasonTimeoutSeconds", RatingConfig.DEFAULT_REASON_TIMEOUT_SECONDS);
        json.put("cooldownSeconds", RatingConfig.DEFAULT_COOLDOWN_SECONDS);
        return new RatingConfig(CommonConfig.defaults(), DEFAULT_REASONS, RatingConfig.DEFAULT_REASON_TIMEOUT_SECONDS,
                RatingConfig.DEFAULT_COOLDOWN_SECONDS, json);
    }

    @Override
    public Parsed<RatingConfig> parse(JsonNode body) {
        ConfigReader r = ConfigReader.root(body);
        if (!r.valid()) {
            return Parsed.failed(r.errors());
        }
        CommonConfig common = CommonConfig.read(r);
        List<Reason> reasons = r.has("reasons") ? r.objects("reasons", MAX_REASONS, this::reason) : DEFAULT_REASONS;
        checkUnique(r, reasons);
        int timeout = (int) r.optionalLong("reasonTimeoutSeconds", RatingConfig.DEFAULT_REASON_TIMEOUT_SECONDS, 3, 120);
        int cooldown = (int) r.optionalLong("cooldownSeconds", RatingConfig.DEFAULT_COOLDOWN_SECONDS, 0, 3600);
        r.rejectUnknown(FIELDS);
        return r.valid()
                ? Parsed.ok(new RatingConfig(common, reasons, timeout, cooldown, body))
                : Parsed.failed(r.errors());
    }

    private Reason reason(ConfigReader s, int index) {
        String code = s.matching("code", null, CODE, "must be 1 to 32 characters of a-z, 0-9 and -");
        String label = s.requiredText("label", 1, MAX_LABEL);
        String button = s.matching("button", null, BUTTON, "must be a reason button reason-1 to reason-8");
        s.rejectUnknown(REASON_FIELDS);
        return new Reason(code, label, button);
    }

    private void checkUnique(ConfigReader r, List<Reason> reasons) {
        Set<String> codes = new HashSet<>();
        Set<String> buttons = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            Reason reason = reasons.get(i);
            if (reason.code() != null && !codes.add(reason.code())) {
                r.error("reasons[" + i + "].code", "\"" + reason.code() + "\" is used by an earlier reason");
            }
            if (reason.button() != null && !buttons.add(reason.button())) {
                r.error("reasons[" + i + "].button", "button \"" + reason.button() + "\" already offers another reason");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
