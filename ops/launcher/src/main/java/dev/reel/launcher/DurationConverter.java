package dev.reel.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations on the command line: a positive whole number and a unit, {@code 500ms}, {@code 30s}, {@code 10m} or
 * {@code 1h}. A bare number is refused rather than guessed.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    /**
     * Parses {@code text}.
     *
     * @throws TypeConversionException with the problem in words if the text is not such a duration, or is zero
     */
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** See {@link #convert}. */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SYNTAX.matcher(value);
        if (!matcher.matches()) {
            throw new TypeConversionException(
                    "'" + text + "' is not a duration; use a number and a unit: 500ms, 30s," + " 10m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new TypeConversionException("'" + text + "' is not a duration: it must be longer than zero");
        }
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Writes {@code duration} the way it is parsed, in the largest unit that divides it ({@code 90s}, {@code 2m}). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
