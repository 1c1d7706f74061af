package vn.motcua.kiosk.sim;

import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;
import vn.motcua.kiosk.scanner.SimBarcodeReader;

/** {@code POST /sim/scan}: the payload is what the simulated barcode reader sends, through the real sanitizer. */
public final class SimScanResource implements DeviceResource {
    private final SimBarcodeReader reader;

    public SimScanResource(SimBarcodeReader reader) {
        this.reader = reader;
    }

    @Override
    public String title() {
        return "scan with the simulated barcode reader: payload = scanned text";
    }

    @Override
    public Reply post(byte[] body) {
        reader.scanBytes(body);
        return Reply.changed();
    }
}
