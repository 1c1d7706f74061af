package vn.motcua.rating;

import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.runtime.DeviceMain;

/** Entry point of the rating pad runtime. */
public final class RatingPadMain {
    private RatingPadMain() {
    }

    public static void main(String[] args) {
        System.exit(DeviceMain.run(args, DeviceKind.RATING_PAD, RatingPadHardware.MODEL,
                hardware -> new RatingPadApp()));
    }
}
