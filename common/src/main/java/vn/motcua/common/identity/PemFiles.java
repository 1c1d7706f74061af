package vn.motcua.common.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files of a TLS client identity with the JDK alone: X.509 certificates, and an unencrypted PKCS#8
 * private key ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} and {@code openssl pkcs8 -topk8 -nocrypt}
 * write it), EC or RSA.
 */
public final class PemFiles {
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final String[] KEY_ALGORITHMS = {"EC", "RSA"};

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order (a client certificate first, then its intermediates). */
    public static X509Certificate[] certificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (read.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return read.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }

    /** The unencrypted PKCS#8 private key of a PEM file, EC or RSA. */
    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            String hint = text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key"
                    : text.contains("-----BEGIN EC PRIVATE KEY-----") || text.contains("-----BEGIN RSA PRIVATE KEY-----")
                    ? "a key in the older EC/RSA format" : "no private key";
            throw new GeneralSecurityException(file + " holds " + hint + "; an unencrypted PKCS#8 key "
                    + "(-----BEGIN PRIVATE KEY-----) is needed: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException notThisOne) {
                // the next algorithm may read it
            }
        }
        throw new GeneralSecurityException(file + " holds a PKCS#8 key that is neither EC nor RSA");
    }

    /** Whether {@code key} is the private half of {@code certificate}'s public key (a test signature verifies). */
    public static boolean matches(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "motcua client key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (java.security.InvalidKeyException | java.security.SignatureException otherKind) {
            return false;
        }
    }
}
