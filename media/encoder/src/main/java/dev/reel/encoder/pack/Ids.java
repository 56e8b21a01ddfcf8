package dev.reel.encoder.pack;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation of rendition ids, which become directory names, file names and DASH representation ids. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Ids() {}

    static String require(String id, String what) {
        Objects.requireNonNull(id, what);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 64 lower-case letters, digits or dashes, not starting with a dash: " + id);
        }
        return id;
    }
}
