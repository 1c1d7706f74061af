package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.runtime.DeviceMain;

/** A device for crash tests: records a {@code test.tick} event with a state change every few milliseconds. */
public final class TickingDevice implements DeviceApp<CommonOnlyConfig> {
    private final AtomicLong ticks = new AtomicLong();
    private final long periodMillis;
    private DeviceContext context;

    public TickingDevice() {
        this(Long.getLong("tick.millis", 15));
    }

    /** A device that records a tick every {@code periodMillis}; 0 records none (a quiet device). */
    public TickingDevice(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    public DeviceContext context() {
        return context;
    }

    public static void main(String[] args) {
        System.exit(DeviceMain.run(args, DeviceKind.TICKET_PRINTER, WiredHardware.MODEL, hardware -> new TickingDevice()));
    }

    @Override
    public String module() {
        return "ticking";
    }

    @Override
    public List<String> migrations() {
        return List.of("CREATE TABLE ticks(n INTEGER PRIMARY KEY)");
    }

    @Override
    public CommonOnlyConfig.Model configModel() {
        return new CommonOnlyConfig.Model();
    }

    @Override
    public void applyConfig(CommonOnlyConfig config) throws Exception {
        if (config.failApply()) {
            throw new IllegalStateException("this config cannot be applied");
        }
    }

    @Override
    public void start(DeviceContext ctx, CommonOnlyConfig config) {
        context = ctx;
        long period = periodMillis;
        if (period <= 0) {
            return;
        }
        ctx.scheduler().scheduleAtFixedRate(() -> ctx.store().inTransaction(tx -> {
            long n = tx.queryLong("SELECT MAX(n) FROM ticks", 0) + 1;
            tx.update("INSERT INTO ticks(n) VALUES(?)", n);
            ticks.incrementAndGet();
            return ctx.events().record(tx, "test.tick", Json.object().put("n", n));
        }), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
    }

    @Override
    public void contributeTelemetry(ObjectNode telemetry) {
        telemetry.put("ticks", ticks.get());
    }

    @Override
    public List<String> probeHardware() {
        return List.of();
    }
}
