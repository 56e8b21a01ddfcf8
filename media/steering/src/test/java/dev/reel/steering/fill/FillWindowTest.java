package dev.reel.steering.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class FillWindowTest {

    private static ZonedDateTime at(String time) {
        return ZonedDateTime.of(LocalDate.of(2026, 11, 23), java.time.LocalTime.parse(time), ZoneOffset.UTC);
    }

    @Test
    void aNightWindowIsOpenFromStartToEnd() {
        FillWindow window = FillWindow.parse("02:00-05:00");
        assertThat(window.openDay(at("01:59"))).isEmpty();
        assertThat(window.openDay(at("02:00"))).contains(LocalDate.of(2026, 11, 23));
        assertThat(window.openDay(at("04:59"))).contains(LocalDate.of(2026, 11, 23));
        assertThat(window.openDay(at("05:00"))).isEmpty();
        assertThat(window).hasToString("02:00-05:00");
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItOpened() {
        FillWindow window = FillWindow.parse(" 23:00 - 04:00 ");
        assertThat(window.openDay(at("23:30"))).contains(LocalDate.of(2026, 11, 23));
        assertThat(window.openDay(at("03:00"))).contains(LocalDate.of(2026, 11, 22));
        assertThat(window.openDay(at("12:00"))).isEmpty();
    }

    @Test
    void badWindowsAreRejected() {
        for (String bad : new String[] {"", "02:00", "2-5", "02:00-02:00", "25:00-05:00", "02:00-05:00-06:00"}) {
            assertThatThrownBy(() -> FillWindow.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
