package vn.motcua.common.uplink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import vn.motcua.common.identity.PemFiles;

/**
 * TLS socket factories for ssl:// brokers: they trust the district's CA certificate(s) from a PEM file (or the JVM's
 * trusted CAs without one), present a client certificate from PEM files when the identity has one, check the broker's
 * host name against its certificate (endpoint identification) and offer TLS 1.3 and TLS 1.2, nothing older.
 */
final class TlsSockets {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsSockets() {
    }

    static SSLSocketFactory trusting(Path caFile) throws IOException, GeneralSecurityException {
        return create(caFile, null, null);
    }

    /**
     * A factory trusting {@code caFile} (null: the JVM's CAs) that presents the certificate chain of {@code certFile}
     * with the PKCS#8 key of {@code keyFile} (both null: no client certificate). The files are read now.
     */
    static SSLSocketFactory create(Path caFile, Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                int i = 0;
                for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca-" + i++, cert);
                }
            }
            tmf.init(trust);
        }
        KeyManager[] keys = null;
        if (certFile != null) {
            char[] password = "motcua".toCharArray();
            KeyStore client = KeyStore.getInstance("PKCS12");
            client.load(null, null);
            client.setKeyEntry("client", PemFiles.privateKey(keyFile), password, PemFiles.certificates(certFile));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(client, password);
            keys = kmf.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, tmf.getTrustManagers(), null);
        return new Protocols(context.getSocketFactory());
    }

    /** Sets the offered protocol versions on every socket it makes. */
    private static final class Protocols extends SSLSocketFactory {
        private final SSLSocketFactory factory;

        Protocols(SSLSocketFactory factory) {
            this.factory = factory;
        }

        private static Socket offer(Socket s) throws IOException {
            NoDelaySockets.noDelay(s);
            SSLSocket ssl = (SSLSocket) s;
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setProtocols(PROTOCOLS.clone());
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return offer(factory.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return offer(factory.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return offer(factory.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return offer(factory.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return offer(factory.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return offer(factory.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return factory.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return factory.getSupportedCipherSuites();
        }
    }
}
