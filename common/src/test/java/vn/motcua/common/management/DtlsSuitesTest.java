package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.district.CoapClients;

/** The management port speaks only AEAD PSK suites (CCM_8, CCM, GCM): a client offering CBC gets no session. */
class DtlsSuitesTest {
    private SecureDevice device;

    @BeforeEach
    void givenASecureDevice() throws Exception {
        device = new SecureDevice();
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private CoapResponse getOffering(CipherSuite... suites) throws Exception {
        Configuration config = CoapSettings.forClient();
        config.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        config.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, suites);
        CoapEndpoint endpoint = CoapClients.dtlsEndpoint(config, SecureDevice.ID, SecureDevice.KEY.getBytes(StandardCharsets.UTF_8));
        try {
            CoapClient client = CoapClients.client(device.uri("/health"), endpoint);
            client.setTimeout(8_000L);
            return client.get();
        } finally {
            CoapClients.close(endpoint, device.address());
        }
    }

    @Test
    void a_client_offering_only_cbc_gets_no_session() throws Exception {
        for (CipherSuite cbc : List.of(CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256)) {
            assertThatThrownBy(() -> getOffering(cbc)).as(cbc.name()).hasMessageContaining("HANDSHAKE_FAILURE");
        }
    }

    @Test
    void every_aead_psk_suite_is_answered() throws Exception {
        for (CipherSuite suite : CoapSettings.PSK_SUITES) {
            CoapResponse r = getOffering(suite);
            assertThat(r).as(suite.name()).isNotNull();
            assertThat(r.getResponseText()).as(suite.name()).contains("\"status\"");
        }
        assertThat(CoapSettings.PSK_SUITES).allSatisfy(s -> assertThat(s.getCipherType()).isEqualTo(CipherSuite.CipherType.AEAD));
    }
}
