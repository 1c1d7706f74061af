package vn.motcua.common.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The district's Ed25519 update key with the JDK alone: a new pair, PEM files ({@code PUBLIC KEY}: X.509
 * SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes; {@code PRIVATE KEY}: unencrypted PKCS#8, as
 * {@code openssl genpkey -algorithm ed25519} writes), signing and checking a manifest's bytes.
 */
public final class UpdateKeys {
    public static final String ALGORITHM = "Ed25519";
    /** The length of a raw Ed25519 signature ({@code manifest.sig}). */
    public static final int SIGNATURE_BYTES = 64;
    private static final Pattern PUBLIC = pem("PUBLIC KEY");
    private static final Pattern PRIVATE = pem("PRIVATE KEY");
    private static final long MAX_PEM_BYTES = 16 * 1024;

    private UpdateKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519 (Java 15 or newer has)", e);
        }
    }

    /** Writes the public key as PEM, mode 0644 where the file system has modes; fails if {@code file} exists. */
    public static void writePublic(Path file, PublicKey key) throws IOException {
        write(file, "PUBLIC KEY", key.getEncoded(), "rw-r--r--");
    }

    /** Writes the private key as PEM (PKCS#8), mode 0600 from the start; fails if {@code file} exists. */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        write(file, "PRIVATE KEY", key.getEncoded(), "rw-------");
    }

    /** The Ed25519 public key of a PEM file; {@link Refusal#NO_KEY} when there is none or it is no such key. */
    public static PublicKey readPublic(Path file) throws BundleException, IOException {
        byte[] der = read(file, PUBLIC, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BundleException(Refusal.NO_KEY, file + " holds a public key that is not Ed25519", e);
        }
    }

    /** The Ed25519 private key of a PEM file; {@link Refusal#NO_KEY} when there is none or it is no such key. */
    public static PrivateKey readPrivate(Path file) throws BundleException, IOException {
        byte[] der = read(file, PRIVATE, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BundleException(Refusal.NO_KEY, file + " holds a private key that is not Ed25519", e);
        }
    }

    /** The raw 64-byte Ed25519 signature of {@code data}. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code data}. */
    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    private static byte[] read(Path file, Pattern pattern, String label) throws BundleException, IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(Refusal.NO_KEY, "no update key: " + file + " does not exist", e);
        }
        if (size > MAX_PEM_BYTES) {
            throw new BundleException(Refusal.NO_KEY, file + " is " + size + " bytes, too large for a PEM key");
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new BundleException(Refusal.NO_KEY, file + " holds no PEM '-----BEGIN " + label
                    + "-----' block" + (text.contains("ENCRYPTED") ? " (an encrypted key cannot be used)" : ""));
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new BundleException(Refusal.NO_KEY, file + ": the " + label + " block is not valid base64", e);
        }
    }

    private static void write(Path file, String label, byte[] der, String mode) throws IOException {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is already there");
        }
        String text = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
        } else {
            Files.createFile(tmp);
        }
        Files.write(tmp, text.getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        UpdateState.syncDirectory(dir);
    }

    private static Pattern pem(String label) {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----");
    }
}
