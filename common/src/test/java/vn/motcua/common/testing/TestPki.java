package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made by the test with {@code openssl} (Debian's OpenSSL 3.0): a CA, server certificates it signs
 * (for localhost and 127.0.0.1, for another name, expired), a second CA the device does not trust, and client
 * certificates whose common name is a device id. Keys are PKCS#8 PEM; the directory and every file are readable by
 * the broker's own user, and {@link #privateKey(String)} gives a device a copy with mode 0600.
 */
public final class TestPki {
    private static final String CA_CONFIG = String.join("\n",
            "[ca]", "default_ca = test", "[test]", "dir = .", "database = index.txt", "new_certs_dir = .",
            "serial = serial", "default_md = sha256", "policy = any", "copy_extensions = copy", "unique_subject = no",
            "[any]", "commonName = supplied", "");

    private final Path dir;

    public TestPki(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG);
            Files.writeString(dir.resolve("index.txt"), "");
            Files.writeString(dir.resolve("serial"), "1000\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ca("ca");
        ca("other-ca");
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    public Path dir() {
        return dir;
    }

    /** The PEM certificate of the test CA ({@code "ca"}) or the untrusted one ({@code "other-ca"}). */
    public Path caCertificate(String ca) {
        return dir.resolve(ca + ".pem");
    }

    /** A server certificate signed by {@code ca}, valid from {@code start} to {@code end} (yyyyMMddHHmmssZ), for {@code names}. */
    public Path server(String name, String ca, String start, String end, String subjectAltNames) {
        issue(name, ca, "/CN=" + name, "subjectAltName=" + subjectAltNames, start, end, "ec");
        return dir.resolve(name + ".pem");
    }

    /** A server certificate for localhost and 127.0.0.1 signed by the test CA, valid now. */
    public Path goodServer() {
        return server("server", "ca", "20200101000000Z", "20991231000000Z", "DNS:localhost,IP:127.0.0.1");
    }

    /** A client certificate with common name {@code cn} ({@code ec} or {@code rsa} key) signed by the test CA. */
    public Path client(String cn, String keyType) {
        issue(cn, "ca", "/CN=" + cn, "extendedKeyUsage=clientAuth", "20200101000000Z", "20991231000000Z", keyType);
        return dir.resolve(cn + ".pem");
    }

    /** The key of a certificate made here, readable by the broker. */
    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** A copy of a key with mode 0600, in its own directory, as a device keeps it. */
    public Path privateKey(String name) {
        try {
            Path copy = Files.createDirectories(dir.resolve("device-" + name)).resolve("client.key");
            Files.copy(key(name), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ca(String name) {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
                "-subj", "/CN=Motcua test " + name, "-keyout", name + ".key", "-out", name + ".pem");
        readable(name + ".key");
    }

    private void issue(String name, String ca, String subject, String extension, String start, String end, String keyType) {
        List<String> req = new ArrayList<>(List.of("req", "-new", "-nodes", "-subj", subject, "-addext", extension,
                "-keyout", name + ".key", "-out", name + ".csr"));
        if (keyType.equals("rsa")) {
            req.addAll(List.of("-newkey", "rsa:2048"));
        } else {
            req.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
        }
        openssl(req.toArray(String[]::new));
        openssl("ca", "-batch", "-config", "ca.cnf", "-cert", ca + ".pem", "-keyfile", ca + ".key", "-in", name + ".csr",
                "-out", name + ".pem", "-startdate", start, "-enddate", end, "-notext");
        readable(name + ".key");
    }

    private void readable(String file) {
        dir.resolve(file).toFile().setReadable(true, false);
    }

    /** Runs openssl with {@code args} in the directory of these certificates. */
    public void openssl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
