package dev.reel.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a whole percentage on the command line, {@code 5} or {@code 5%}, between 0 and 100. Commands check their own
 * narrower ranges (a fault needs at least 1 %).
 */
public final class PercentConverter implements ITypeConverter<Integer> {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,3})\\s*%?");

    /**
     * Parses {@code text}.
     *
     * @throws TypeConversionException with the problem in words if it is not a whole number from 0 to 100
     */
    @Override
    public Integer convert(String text) {
        return parse(text);
    }

    /** See {@link #convert}. */
    public static int parse(String text) {
        Matcher matcher = SYNTAX.matcher(text.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + text + "' is not a percentage; use a whole number such as 5 or 5%");
        }
        int percent = Integer.parseInt(matcher.group(1));
        if (percent > 100) {
            throw new TypeConversionException("'" + text + "' is not a percentage: it must be between 0 and 100");
        }
        return percent;
    }
}
