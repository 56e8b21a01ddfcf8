package dev.reel.recs.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads and writes ratings files in the common public-dataset shape: one interaction per line, {@code user item rating
 * timestamp}, the fields separated by whitespace (tabs included), {@code ::} or a comma. Ids are opaque strings; the
 * rating is a non-negative number; the timestamp an integer (any unit, only its order matters). Blank lines and lines
 * starting with {@code #} are skipped, and so is a first line whose rating is not a number (a CSV header). A line
 * with three fields has no timestamp: its line number stands in for it.
 */
public final class RatingsFile {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RatingsFile() {}

    /**
     * Reads a ratings file (UTF-8).
     *
     * @throws RatingsFormatException if a line is malformed, naming the file and the line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Ratings read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads ratings from {@code reader}; {@code source} names it in error messages.
     *
     * @throws RatingsFormatException if a line is malformed
     * @throws UncheckedIOException if reading fails
     */
    public static Ratings read(Reader reader, String source) {
        Ratings.Builder ratings = Ratings.builder();
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        int number = 0;
        boolean first = true;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = split(text);
                if (fields.length != 3 && fields.length != 4) {
                    throw new RatingsFormatException(
                            source,
                            number,
                            "expected 'user item rating timestamp', got " + fields.length + " field"
                                    + (fields.length == 1 ? "" : "s"));
                }
                float rating;
                try {
                    rating = Float.parseFloat(fields[2]);
                } catch (NumberFormatException e) {
                    if (first) {
                        first = false;
                        continue;
                    }
                    throw new RatingsFormatException(source, number, "rating '" + fields[2] + "' is not a number");
                }
                first = false;
                if (!(rating >= 0) || Float.isInfinite(rating)) {
                    throw new RatingsFormatException(
                            source, number, "rating '" + fields[2] + "' must be a finite number >= 0");
                }
                long timestamp = number;
                if (fields.length == 4) {
                    try {
                        timestamp = Long.parseLong(fields[3]);
                    } catch (NumberFormatException e) {
                        throw new RatingsFormatException(
                                source, number, "timestamp '" + fields[3] + "' is not an integer");
                    }
                }
                if (fields[0].isEmpty() || fields[1].isEmpty()) {
                    throw new RatingsFormatException(source, number, "empty user or item id");
                }
                ratings.add(fields[0], fields[1], rating, timestamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        return ratings.build();
    }

    /**
     * Writes {@code ratings} as tab-separated {@code user item rating timestamp} lines (original ids), readable by
     * {@link #read(Path)}.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, Ratings ratings) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(writer, ratings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code ratings} to {@code writer} (not closed). */
    public static void write(Writer writer, Ratings ratings) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int k = 0; k < ratings.size(); k++) {
            line.setLength(0);
            line.append(ratings.userId(ratings.user(k)))
                    .append('\t')
                    .append(ratings.itemId(ratings.item(k)))
                    .append('\t')
                    .append(ratings.rating(k))
                    .append('\t')
                    .append(ratings.timestamp(k))
                    .append('\n');
            writer.append(line);
        }
        writer.flush();
    }

    private static String[] split(String text) {
        if (text.contains("::")) {
            return trimmed(text.split("::", -1));
        }
        if (text.indexOf(',') >= 0) {
            return trimmed(text.split(",", -1));
        }
        return WHITESPACE.split(text);
    }

    private static String[] trimmed(String[] fields) {
        for (int k = 0; k < fields.length; k++) {
            fields[k] = fields[k].strip();
        }
        return fields;
    }
}
