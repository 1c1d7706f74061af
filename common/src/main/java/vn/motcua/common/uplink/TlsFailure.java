package vn.motcua.common.uplink;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Tells why a TLS connection to the broker failed, from the exception a connect attempt ended with, as the short
 * reason {@code /health} shows: {@code expired}, {@code not-yet-valid}, {@code untrusted}, {@code name-mismatch},
 * {@code client-certificate-refused}, {@code files-unreadable} or {@code handshake-failed}; empty when the
 * failure was not about TLS (a broker away, a refused password).
 */
final class TlsFailure {
    private TlsFailure() {
    }

    static Optional<String> reason(Throwable failure) {
        if (failure instanceof MqttException m && m.getReasonCode() == MqttException.REASON_CODE_SSL_CONFIG_ERROR) {
            return Optional.of("files-unreadable");
        }
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof CertificateExpiredException || isReason(t, CertPathValidatorException.BasicReason.EXPIRED)) {
                return Optional.of("expired");
            }
            if (t instanceof CertificateNotYetValidException
                    || isReason(t, CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return Optional.of("not-yet-valid");
            }
            if (t instanceof CertificateException
                    && (message.contains("no subject alternative") || message.contains("no name matching"))) {
                return Optional.of("name-mismatch");
            }
            if (t instanceof CertPathBuilderException || message.contains("pkix path building failed")) {
                return Optional.of("untrusted");
            }
            if (t instanceof SSLException) {
                tls = true;
                if (message.contains("bad_certificate") || message.contains("certificate_required")
                        || message.contains("unknown_ca") || message.contains("certificate_unknown")
                        || message.contains("access_denied")) {
                    return Optional.of("client-certificate-refused");
                }
            }
        }
        return tls ? Optional.of("handshake-failed") : Optional.empty();
    }

    private static boolean isReason(Throwable t, CertPathValidatorException.Reason reason) {
        return t instanceof CertPathValidatorException v && v.getReason() == reason;
    }
}
