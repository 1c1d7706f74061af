package vn.motcua.common.update;

import java.nio.file.Path;

/**
 * Where the update machinery keeps things, under a root ({@code /} on a device, a staging root R in tests):
 * <ul>
 *   <li>{@code opt/motcua/} (root-owned): {@code releases/<version>/}, the {@code current} and {@code previous} links,
 *       {@code update.json} (the launcher's record of running, trial, refused and last results);</li>
 *   <li>{@code etc/motcua/update-key.pub} (root-owned, 0644): the district's Ed25519 public key;</li>
 *   <li>{@code <state-dir>/update/} (the service user's): {@code incoming.zip} (a verified bundle waiting for the
 *       launcher), {@code incoming.part} (an upload in progress), {@code commit} (the trial release proved healthy),
 *       {@code exit-cause} (why the runtime ended itself: {@code hung <component>} or {@code not-healthy}),
 *       {@code clean-stop} (the last stop was clean, so the launcher does not count it as a crash in trial).</li>
 * </ul>
 */
public record UpdatePaths(Path root, Path home, Path key, Path stateDir) {
    /** The layout of a device (root {@code /}) or of a staging root made by {@code motcua-setup --root R}. */
    public static UpdatePaths under(Path root, Path stateDir) {
        return new UpdatePaths(root, root.resolve("opt/motcua"), root.resolve("etc/motcua/update-key.pub"), stateDir);
    }

    public Path releases() {
        return home.resolve("releases");
    }

    public Path release(String version) {
        return releases().resolve(version);
    }

    public Path current() {
        return home.resolve("current");
    }

    public Path previous() {
        return home.resolve("previous");
    }

    public Path stateFile() {
        return home.resolve("update.json");
    }

    public Path updateDir() {
        return stateDir.resolve("update");
    }

    public Path incoming() {
        return updateDir().resolve("incoming.zip");
    }

    public Path upload() {
        return updateDir().resolve("incoming.part");
    }

    public Path commit() {
        return updateDir().resolve("commit");
    }

    public Path exitCause() {
        return updateDir().resolve("exit-cause");
    }

    public Path cleanStop() {
        return updateDir().resolve("clean-stop");
    }
}
