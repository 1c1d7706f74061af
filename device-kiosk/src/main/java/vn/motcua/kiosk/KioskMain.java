package vn.motcua.kiosk;

import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.runtime.DeviceMain;

/** Entry point of the kiosk runtime. */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        System.exit(DeviceMain.run(args, DeviceKind.KIOSK, KioskHardware.MODEL, KioskApp::new));
    }
}
