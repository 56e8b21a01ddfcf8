package dev.reel.catalog.genre.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns display names into URL slugs: {@code "Sci-Fi & Fantasy"} becomes {@code "sci-fi-fantasy"}. */
final class Slugs {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+)|(-+$)");

    private Slugs() {}

    /**
     * The slug of {@code name}: lower case ASCII letters and digits, accents dropped, every other run of characters
     * replaced by a single dash, no leading or trailing dash.
     *
     * @return empty when {@code name} has no letter or digit that survives (for example only punctuation or a
     *     non-Latin script)
     */
    static Optional<String> of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String ascii = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String dashed = NOT_ALPHANUMERIC.matcher(ascii).replaceAll("-");
        String slug = EDGE_DASHES.matcher(dashed).replaceAll("");
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}
