package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;

class HardwareWiringTest {
    private static HardwareWiring.Parsed parse(String json) throws Exception {
        return HardwareWiring.parse(Json.parse(json.replace('\'', '"')));
    }

    private static List<String> errors(String json) throws Exception {
        return parse(json).errors().stream().map(WiringError::toString).toList();
    }

    @Test
    void reads_the_documented_example() throws Exception {
        HardwareWiring.Parsed parsed = parse("{'profile':'pi','buttons':{'A':5,'B':6,'C':13,'D':19},"
                + "'leds':{'A':12,'B':16,'C':20,'D':21,'status':26},'debounceMillis':30,"
                + "'lcd':{'bus':1,'address':'0x27','columns':20,'rows':4},"
                + "'printer':{'transport':'serial:/dev/ttyUSB0?baud=115200','model':'xprinter-80'}}");

        assertThat(parsed.valid()).isTrue();
        HardwareWiring w = parsed.wiring();
        assertThat(w.profile()).isEqualTo(HardwareWiring.Profile.PI);
        assertThat(w.buttons()).containsExactly(Map.entry("A", 5), Map.entry("B", 6), Map.entry("C", 13), Map.entry("D", 19));
        assertThat(w.leds()).containsEntry("status", 26).hasSize(5);
        assertThat(w.lcd()).contains(new HardwareWiring.Lcd(1, 0x27, 20, 4));
        assertThat(w.lcd().get().addressHex()).isEqualTo("0x27");
    }

    @Test
    void applies_defaults_for_debounce_bus_and_address() throws Exception {
        HardwareWiring w = parse("{'profile':'pi','buttons':{'A':5},'lcd':{'columns':16,'rows':2}}").wiring();

        assertThat(w.debounceMillis()).isEqualTo(30);
        assertThat(w.leds()).isEmpty();
        assertThat(w.lcd()).contains(new HardwareWiring.Lcd(1, 0x27, 16, 2));
    }

    @Test
    void accepts_an_integer_address() throws Exception {
        assertThat(parse("{'profile':'pi','lcd':{'address':63,'columns':16,'rows':2}}").wiring().lcd().get().address())
                .isEqualTo(0x3f);
    }

    @Test
    void names_the_path_of_every_bad_field() throws Exception {
        assertThat(errors("{'profile':'raspberry','buttons':{'A':28,'B':'6','C':-1},'leds':[1],"
                + "'debounceMillis':-5,'lcd':{'bus':'one','address':'0x99','columns':40,'rows':3}}"))
                .containsExactly(
                        "hardware.profile: must be \"pi\" or \"sim\"",
                        "hardware.buttons.A: pin must be an integer 0..27",
                        "hardware.buttons.B: pin must be an integer 0..27",
                        "hardware.buttons.C: pin must be an integer 0..27",
                        "hardware.leds: must be an object of name -> BCM pin",
                        "hardware.debounceMillis: must be an integer 0..1000",
                        "hardware.lcd.bus: must be an integer 0..31",
                        "hardware.lcd.address: must be a 7-bit I2C address 0x03..0x77, as an integer or text like \"0x27\"",
                        "hardware.lcd.columns: must be 16 or 20",
                        "hardware.lcd.rows: must be 2 or 4");
        assertThat(parse("{'profile':'raspberry'}").wiring()).isNull();
    }

    @Test
    void rejects_a_missing_block_or_profile() throws Exception {
        assertThat(HardwareWiring.parse(null).errors()).extracting(WiringError::toString)
                .containsExactly("hardware: must be an object");
        assertThat(errors("[]")).containsExactly("hardware: must be an object");
        assertThat(errors("{}")).containsExactly("hardware.profile: must be \"pi\" or \"sim\"");
    }

    @Test
    void rejects_a_pin_used_twice() throws Exception {
        assertThat(errors("{'profile':'pi','buttons':{'A':5,'B':5},'leds':{'status':6,'A':5}}"))
                .containsExactly(
                        "hardware.buttons.B: pin 5 is already used by hardware.buttons.A",
                        "hardware.leds.A: pin 5 is already used by hardware.buttons.A");
    }

    @Test
    void rejects_the_i2c_pins_when_the_lcd_is_on_bus_1() throws Exception {
        assertThat(errors("{'profile':'pi','buttons':{'A':2},'leds':{'B':3},'lcd':{'columns':20,'rows':4}}"))
                .containsExactly(
                        "hardware.buttons.A: pin 2 is already used by I2C bus 1 (SDA) of the LCD",
                        "hardware.leds.B: pin 3 is already used by I2C bus 1 (SCL) of the LCD");
        assertThat(parse("{'profile':'pi','buttons':{'A':2}}").valid()).isTrue();
    }

    @Test
    void rejects_bad_names() throws Exception {
        assertThat(errors("{'profile':'pi','buttons':{'bad name':5}}"))
                .containsExactly("hardware.buttons.bad name: name must be 1-32 letters, digits, '-' or '_'");
    }

    @Test
    void requires_pins_in_the_pi_profile() throws Exception {
        assertThat(errors("{'profile':'pi','buttons':{'A':null}}"))
                .containsExactly("hardware.buttons.A: pin must be an integer 0..27");
        assertThat(errors("{'profile':'pi','buttons':['A']}"))
                .containsExactly("hardware.buttons: must be an object of name -> BCM pin");
    }

    @Test
    void assigns_free_pins_in_the_sim_profile() throws Exception {
        HardwareWiring w = parse("{'profile':'sim','buttons':['very-satisfied','satisfied'],"
                + "'leds':{'status':null,'A':4}}").wiring();

        assertThat(w.profile()).isEqualTo(HardwareWiring.Profile.SIM);
        assertThat(w.buttons()).containsExactly(Map.entry("very-satisfied", 5), Map.entry("satisfied", 6));
        assertThat(w.leds()).containsExactly(Map.entry("status", 7), Map.entry("A", 4));
    }

    @Test
    void builds_a_sim_wiring_from_names() {
        HardwareWiring w = HardwareWiring.sim(List.of("A", "B"), List.of("status"));

        assertThat(w.buttons()).containsExactly(Map.entry("A", 4), Map.entry("B", 5));
        assertThat(w.leds()).containsExactly(Map.entry("status", 6));
        assertThat(w.withDebounceMillis(0).debounceMillis()).isZero();
    }

    @Test
    void a_sim_identity_may_leave_out_the_buttons_a_device_kind_always_has() throws Exception {
        HardwareWiring sim = parse("{'profile':'sim','buttons':{'very-satisfied':9}}").wiring()
                .withSimDefaults(List.of("very-satisfied", "satisfied"), List.of("status"));

        assertThat(sim.buttons()).containsExactly(Map.entry("very-satisfied", 9), Map.entry("satisfied", 4));
        assertThat(sim.leds()).containsExactly(Map.entry("status", 5));

        HardwareWiring pi = parse("{'profile':'pi','buttons':{'A':5}}").wiring();
        assertThat(pi.withSimDefaults(List.of("B"), List.of("status"))).isEqualTo(pi);
    }

    @Test
    void the_parsed_maps_cannot_be_changed() throws Exception {
        HardwareWiring w = parse("{'profile':'pi','buttons':{'A':5}}").wiring();

        assertThatThrownBy(() -> w.buttons().put("B", 6))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
