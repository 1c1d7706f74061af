package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Help, usage mistakes (exit 2) and unreadable local files (exit 4) never reach a device. */
class UsageTest {
    @Test
    void help_lists_the_commands_and_the_exit_codes() {
        Ctl.Result r = Ctl.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("config", "telemetry", "health", "events", "action", "watch", "office")
                .contains("Exit codes:").contains("3   device or broker unreachable");
    }

    @Test
    void each_subcommand_has_help_with_exit_codes() {
        Ctl.Result r = Ctl.run("config", "put", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--if-match").contains("Exit codes:");
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(Ctl.run().exit()).isEqualTo(2);
        assertThat(Ctl.run("config").exit()).isEqualTo(2);
        assertThat(Ctl.run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void a_device_command_needs_a_device() {
        Ctl.Result r = Ctl.run("health");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--device URI");
    }

    @Test
    void plain_coap_is_refused_for_an_address_that_is_not_loopback() {
        Ctl.Result r = Ctl.run("health", "--device", "coap://192.0.2.7");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("only for a loopback address");
    }

    @Test
    void coaps_without_a_key_is_a_usage_error() {
        Ctl.Result r = Ctl.run("health", "--device", "coaps://192.0.2.7");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--psk-identity");
    }

    @Test
    void a_device_uri_of_another_scheme_is_a_usage_error() {
        assertThat(Ctl.run("health", "--device", "http://192.0.2.7/").exit()).isEqualTo(2);
        assertThat(Ctl.run("health", "--device", "coaps://192.0.2.7/health").exit()).isEqualTo(2);
    }

    @Test
    void a_missing_psk_file_is_exit_4() {
        Ctl.Result r = Ctl.run("health", "--device", "coaps://127.0.0.1", "--psk-identity", "x", "--psk-file", "/nonexistent/psk");
        assertThat(r.exit()).isEqualTo(4);
    }

    @Test
    void a_config_file_that_cannot_be_read_is_exit_4() {
        Ctl.Result r = Ctl.run("config", "put", "/nonexistent/config.json", "--device", "coap://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("cannot read /nonexistent/config.json");
    }

    @Test
    void a_bad_office_for_watch_is_a_usage_error() {
        assertThat(Ctl.run("watch", "--broker", "tcp://127.0.0.1:1883", "--office", "Hoang Mai").exit()).isEqualTo(2);
        assertThat(Ctl.run("watch", "--broker", "http://x", "--office", "hoang-mai").exit()).isEqualTo(2);
    }
}
