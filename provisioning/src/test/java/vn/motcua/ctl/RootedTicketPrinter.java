package vn.motcua.ctl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.ticket.TicketPrinterApp;
import vn.motcua.ticket.TicketPrinterHardware;

/**
 * A ticket printer as its own process whose update files are under {@code -Dmotcua.test.update-root}: started by
 * {@link vn.motcua.common.testing.DeviceProcess#start} for measurements with a real heap limit; it stops cleanly
 * (exit 0) when the runtime asks for a restart, as after a bundle is staged.
 */
public final class RootedTicketPrinter {
    private RootedTicketPrinter() {
    }

    public static void main(String[] args) throws Exception {
        DeviceIdentity<TicketPrinterHardware> device = IdentityLoader.load(Path.of(args[1]), DeviceKind.TICKET_PRINTER,
                TicketPrinterHardware.MODEL);
        UpdatePaths paths = UpdatePaths.under(Path.of(System.getProperty("motcua.test.update-root")), Path.of(args[3]));
        DeviceRuntime<?> runtime = new DeviceRuntime<>(device, paths, new TicketPrinterApp(device.hardware()),
                Clock.system(device.identity().timezone()));
        CountDownLatch restart = new CountDownLatch(1);
        runtime.onRestartRequest(restart::countDown);
        runtime.start();
        System.out.println("running on coap port " + runtime.coapPort());
        restart.await();
        runtime.stop();
        System.exit(0);
    }
}
