package vn.motcua.rating.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.MutableClock;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.hardware.sim.SimDisplay;
import vn.motcua.rating.config.Reason;
import vn.motcua.rating.session.PadView;
import vn.motcua.rating.session.PadView.Mode;

class PadPresenterTest {
    /** The reasons the simulated office gives its pads; the last one is 25 letters with its number. */
    private static final List<Reason> OFFICE_REASONS = List.of(
            new Reason("time", "Thời gian chờ lâu", "reason-1"),
            new Reason("attitude", "Thái độ chưa tốt", "reason-2"),
            new Reason("guidance", "Hướng dẫn chưa rõ", "reason-3"),
            new Reason("facilities", "Cơ sở vật chất chưa tốt", "reason-4"));
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler();

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16, 2", "20, 4"})
    void every_reason_comes_round_in_whole_words_and_no_row_is_wider_than_the_display(int columns, int rows) {
        SimDisplay lcd = new SimDisplay(columns, rows, false);
        PadPresenter presenter = new PadPresenter(Optional.of(lcd), new NoLeds(), clock, scheduler);
        PadView asking = new PadView(Mode.ASKING, 5, "A012", false, OFFICE_REASONS);
        List<String> shown = new ArrayList<>();

        for (int tick = 0; tick < 40; tick++) {
            presenter.show(asking);
            assertThat(lcd.lines()).hasSizeLessThanOrEqualTo(rows)
                    .allSatisfy(row -> assertThat(row.codePointCount(0, row.length())).isLessThanOrEqualTo(columns));
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(String.join(" ", lcd.lines()))) {
                shown.add(String.join(" ", lcd.lines()));
            }
            clock.advanceMillis(250);
            scheduler.runDue();
        }
        String seen = String.join(" ", new LinkedHashSet<>(shown));
        for (Reason r : OFFICE_REASONS) {
            assertThat(seen).contains(r.number() + " " + r.label());
        }
        assertThat(seen).doesNotContain("chư ", "tố ");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16, 2", "20, 4"})
    void the_counter_screen_fits_without_paging(int columns, int rows) {
        SimDisplay lcd = new SimDisplay(columns, rows, false);
        PadPresenter presenter = new PadPresenter(Optional.of(lcd), new NoLeds(), clock, scheduler);

        presenter.show(new PadView(Mode.SERVING, 5, "A012", true, List.of()));

        assertThat(lcd.lines()).startsWith("Quầy 5");
        assertThat(scheduler.live()).isEmpty();
    }

    private static final class NoLeds implements Leds {
        @Override
        public void set(String name, LedState state) {
        }

        @Override
        public LedState state(String name) {
            return LedState.OFF;
        }

        @Override
        public Set<String> names() {
            return Set.of();
        }
    }
}
