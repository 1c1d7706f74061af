package vn.motcua.common.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing real peer skips a developer's run and fails the run that ./motcua test starts. */
class RealPeersTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(RealPeers.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RealPeers.PROPERTY);
        } else {
            System.setProperty(RealPeers.PROPERTY, before);
        }
    }

    @Test
    void a_present_peer_lets_the_test_run_either_way() {
        System.setProperty(RealPeers.PROPERTY, "required");
        assertThatCode(() -> RealPeers.require("mosquitto", true)).doesNotThrowAnyException();
        System.setProperty(RealPeers.PROPERTY, "optional");
        assertThatCode(() -> RealPeers.require("mosquitto", true)).doesNotThrowAnyException();
    }

    @Test
    void a_missing_peer_fails_the_test_when_peers_are_required() {
        System.setProperty(RealPeers.PROPERTY, "required");
        assertThatThrownBy(() -> RealPeers.require("mosquitto", false))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("mosquitto is missing");
    }

    @Test
    void a_missing_peer_skips_the_test_when_peers_are_optional() {
        System.setProperty(RealPeers.PROPERTY, "optional");
        assertThatThrownBy(() -> RealPeers.require("mosquitto", false)).isInstanceOf(TestAbortedException.class);
    }
}
