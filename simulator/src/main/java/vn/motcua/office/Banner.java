package vn.motcua.office;

import java.util.stream.Collectors;
import vn.motcua.office.devices.ChildDevice;

/** The few lines printed when the office is up: where the panel, the broker and the logs are. */
final class Banner {
    private Banner() {
    }

    static String text(OfficeSettings s, Office office) {
        String devices = office.fleet().running().stream().map(c -> c.spec().deviceId()).collect(Collectors.joining(", "));
        long skipped = office.plan().size() - office.fleet().running().size();
        return String.join("\n",
                "Motcua office is running - " + OfficeSettings.OFFICE,
                "  web panel : " + office.panelUrl(),
                "  broker    : " + s.broker() + (s.embeddedBroker() ? " (embedded)" : ""),
                "  devices   : " + (devices.isEmpty() ? "(none: build the device jars first)" : devices)
                        + (skipped > 0 ? " (" + skipped + " skipped: jar not built, see office.log)" : ""),
                "  logs      : " + s.logs() + "/<device>.log and office.log",
                "Ctrl-C stops everything.");
    }
}
