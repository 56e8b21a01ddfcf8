package dev.reel.steering.fill;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily off-peak window, {@code HH:mm-HH:mm} in local time, start inclusive and end exclusive. A window whose end is
 * before its start wraps past midnight ({@code 23:00-04:00}); its day is the day it opened.
 *
 * @param start the first minute of the window
 * @param end the first minute after it
 */
public record FillWindow(LocalTime start, LocalTime end) {

    public FillWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("A fill window must not be empty: " + start + "-" + end);
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException naming the text when it does not parse
     */
    public static FillWindow parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A fill window is HH:mm-HH:mm, was '" + text + "'");
        }
        try {
            return new FillWindow(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A fill window is HH:mm-HH:mm, was '" + text + "'", e);
        }
    }

    /**
     * The day of the window that is open at {@code now} (its opening date), or empty when the window is closed.
     */
    public Optional<LocalDate> openDay(ZonedDateTime now) {
        LocalTime time = now.toLocalTime();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(now.toLocalDate()) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(now.toLocalDate());
        }
        if (time.isBefore(end)) {
            return Optional.of(now.toLocalDate().minusDays(1));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
