package dev.reel.encoder.pack.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Language tags of audio and subtitle tracks: normalising what a container says, and names for menus. */
public final class Languages {

    /** The ISO 639-2 code for an undetermined language. */
    public static final String UNDETERMINED = "und";

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
    private static final Map<String, String> TWO_LETTER_BY_THREE = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TWO_LETTER_BY_THREE.put(Locale.of(two).getISO3Language(), two);
            } catch (MissingResourceException e) {
                // No three-letter code for this language; it cannot be looked up by one.
            }
        }
        // ISO 639-2/B codes that differ from the terminology codes Java knows.
        Map<String, String> bibliographic = Map.ofEntries(
                Map.entry("alb", "sq"),
                Map.entry("arm", "hy"),
                Map.entry("baq", "eu"),
                Map.entry("bur", "my"),
                Map.entry("chi", "zh"),
                Map.entry("cze", "cs"),
                Map.entry("dut", "nl"),
                Map.entry("fre", "fr"),
                Map.entry("geo", "ka"),
                Map.entry("ger", "de"),
                Map.entry("gre", "el"),
                Map.entry("ice", "is"),
                Map.entry("mac", "mk"),
                Map.entry("mao", "mi"),
                Map.entry("may", "ms"),
                Map.entry("per", "fa"),
                Map.entry("rum", "ro"),
                Map.entry("slo", "sk"),
                Map.entry("tib", "bo"),
                Map.entry("wel", "cy"));
        TWO_LETTER_BY_THREE.putAll(bibliographic);
    }

    private Languages() {}

    /**
     * The language as a lower-case tag, or {@link #UNDETERMINED} when it is missing, blank or not a plausible language
     * tag (two or three letters, optionally with subtags).
     */
    public static String normalise(@Nullable String language) {
        if (language == null) {
            return UNDETERMINED;
        }
        String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return TAG.matcher(tag).matches() ? tag : UNDETERMINED;
    }

    /**
     * A name for menus: the language's English name ({@code eng} → {@code English}), or {@code Unknown language} for
     * {@code und}, or the code itself when Java does not know it.
     */
    public static String displayName(String language) {
        String tag = normalise(language);
        if (tag.equals(UNDETERMINED)) {
            return "Unknown language";
        }
        String primary = tag.split("-", 2)[0];
        String lookup = primary.length() == 3 ? TWO_LETTER_BY_THREE.getOrDefault(primary, primary) : primary;
        String name = Locale.of(lookup).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(lookup) ? tag : name;
    }

    /** The language reduced to what may appear in a rendition id: lower-case letters and digits, at most 8. */
    public static String idToken(String language) {
        String token = normalise(language).replaceAll("[^a-z0-9]", "");
        return token.isEmpty() ? UNDETERMINED : token.substring(0, Math.min(8, token.length()));
    }
}
