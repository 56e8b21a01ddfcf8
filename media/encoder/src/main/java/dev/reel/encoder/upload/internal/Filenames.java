package dev.reel.encoder.upload.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rules for the filename a client declares. The name is only ever stored and shown: files on disk are named after the
 * upload's id. It is still checked strictly, so that a name that tries traversal or hides characters is refused
 * rather than carried along to whoever uses it later. Pure: no I/O.
 */
final class Filenames {

    /** The most UTF-8 bytes a name may have, the usual file system limit. */
    static final int MAX_BYTES = 255;

    private Filenames() {}

    /**
     * Why {@code name} is not acceptable, or empty when it is. Refused: missing or blank names, names over {@value
     * #MAX_BYTES} UTF-8 bytes, a path separator ({@code /} or {@code \}), {@code ..} anywhere, a leading dot (hidden
     * files, {@code .} and {@code ..}), leading or trailing white space, and control, format (such as bidirectional
     * overrides), separator, private-use, unassigned or unpaired surrogate characters.
     */
    static Optional<String> problem(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("filename is required");
        }
        if (name.isBlank()) {
            return Optional.of("filename must not be blank");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("filename must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("filename must be a plain name, without '/' or '\\'");
        }
        if (name.contains("..")) {
            return Optional.of("filename must not contain '..'");
        }
        if (name.startsWith(".")) {
            return Optional.of("filename must not start with '.'");
        }
        if (!name.equals(name.strip())) {
            return Optional.of("filename must not start or end with white space");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (isOdd(c)) {
                return Optional.of("filename contains a control or invisible character (U+"
                        + String.format(Locale.ROOT, "%04X", c) + ")");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean isOdd(int c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /**
     * The extension the master keeps on disk: the name's last extension in lower case when it is 1 to 10 ASCII
     * letters or digits, else {@code bin}. ffmpeg reads the content, not the extension; this only helps people
     * browsing the work directory.
     */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "bin";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,10}") ? ext : "bin";
    }
}
