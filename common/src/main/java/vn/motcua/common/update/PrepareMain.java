package vn.motcua.common.update;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -cp <release>/device-K.jar:<release>/lib/* vn.motcua.common.update.PrepareMain --root R --kind K
 * [--state-dir DIR]}, run by the launcher {@code motcua-run} as root before every start. Exit 0 when prepared, 2 for
 * bad arguments, 1 when something unexpected happened (logged): the launcher then starts the current release anyway.
 */
public final class PrepareMain {
    private PrepareMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        Path root = Path.of("/");
        Path stateDir = null;
        String kind = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String flag = list.get(i);
            if (i + 1 >= list.size() || !List.of("--root", "--kind", "--state-dir").contains(flag)) {
                err.println("motcua-prepare: bad arguments: " + String.join(" ", list)
                        + " (expected --root R --kind K [--state-dir DIR])");
                return 2;
            }
            String value = list.get(++i);
            switch (flag) {
                case "--root" -> root = Path.of(value).toAbsolutePath();
                case "--kind" -> kind = value;
                default -> stateDir = Path.of(value).toAbsolutePath();
            }
        }
        if (kind == null || !kind.matches("ticket-printer|rating-pad|kiosk")) {
            err.println("motcua-prepare: bad arguments: --kind ticket-printer|rating-pad|kiosk is required");
            return 2;
        }
        UpdatePaths paths = UpdatePaths.under(root, stateDir != null ? stateDir : root.resolve("var/lib/motcua"));
        try {
            new Prepare(paths, kind, Clock.systemUTC(), new SignedBundles(paths.key()), Prepare.Steps.NONE,
                    line -> err.println("motcua-prepare: " + line)).run();
            return 0;
        } catch (Exception | Error e) {
            err.println("motcua-prepare: failed (" + e + "); the current release starts as it is");
            return 1;
        }
    }
}
