package vn.motcua.common.management.sim;

import java.util.List;
import java.util.function.Supplier;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;

/** {@code GET /sim/display}: {@code {"lines":[...]}}, what the device's display shows now. */
public final class SimDisplayResource implements DeviceResource {
    private final Supplier<List<String>> lines;

    public SimDisplayResource(Supplier<List<String>> lines) {
        this.lines = lines;
    }

    @Override
    public String title() {
        return "simulated display";
    }

    @Override
    public Reply get() {
        var body = Json.object();
        var array = body.putArray("lines");
        lines.get().forEach(array::add);
        return Reply.json(body);
    }
}
