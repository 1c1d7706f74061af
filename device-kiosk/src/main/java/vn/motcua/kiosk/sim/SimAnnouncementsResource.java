package vn.motcua.kiosk.sim;

import java.util.List;
import java.util.function.Supplier;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;

/** {@code GET /sim/announcements}: {@code {"announcements":[...]}}, every text announced since start, in order. */
public final class SimAnnouncementsResource implements DeviceResource {
    private final Supplier<List<String>> announced;

    public SimAnnouncementsResource(Supplier<List<String>> announced) {
        this.announced = announced;
    }

    @Override
    public String title() {
        return "announcements made by the hall display";
    }

    @Override
    public Reply get() {
        var body = Json.object();
        var list = body.putArray("announcements");
        announced.get().forEach(list::add);
        return Reply.json(body);
    }
}
