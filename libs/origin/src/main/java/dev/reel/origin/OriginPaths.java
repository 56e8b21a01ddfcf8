package dev.reel.origin;

import java.util.Objects;

/**
 * Validation of the two names callers hand to an {@link OriginStore}: title ids and relative
 * object paths. Both stores call these checks before touching the filesystem or the network, so a
 * name that could escape the store's root is rejected as an argument error and never resolved.
 *
 * <p>Names are checked, never repaired: a path that is not already in normal form is rejected
 * rather than silently normalised, so the name a caller logs is the name that was stored.
 */
public final class OriginPaths {

    /** Longest accepted title id, in characters. */
    public static final int MAX_TITLE_ID_LENGTH = 128;

    /** Longest accepted relative path, in characters. */
    public static final int MAX_PATH_LENGTH = 1024;

    /** Longest accepted path segment (one file or directory name), in characters. */
    public static final int MAX_SEGMENT_LENGTH = 255;

    /** Most segments (directory levels plus the file name) a relative path may have. */
    public static final int MAX_DEPTH = 16;

    private OriginPaths() {}

    /**
     * Checks a title id: 1 to {@value #MAX_TITLE_ID_LENGTH} characters of lower-case ASCII letters,
     * digits, {@code '-'}, {@code '_'} and {@code '.'}, starting with a letter or digit. A UUID in
     * its usual lower-case form is a valid title id.
     *
     * @return {@code titleId} unchanged
     * @throws IllegalArgumentException naming the rule that was broken
     * @throws NullPointerException if {@code titleId} is null
     */
    public static String requireTitleId(String titleId) {
        Objects.requireNonNull(titleId, "titleId");
        if (titleId.isEmpty()) {
            throw new IllegalArgumentException("Title id must not be empty");
        }
        if (titleId.length() > MAX_TITLE_ID_LENGTH) {
            throw new IllegalArgumentException("Title id is longer than " + MAX_TITLE_ID_LENGTH + " characters");
        }
        for (int i = 0; i < titleId.length(); i++) {
            char c = titleId.charAt(i);
            if (isControl(c)) {
                throw new IllegalArgumentException("Title id contains a control character at index " + i);
            }
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (i == 0 && !alnum) {
                throw new IllegalArgumentException(
                        "Title id must start with a lower-case letter or digit: " + quote(titleId));
            }
            if (!alnum && c != '-' && c != '_' && c != '.') {
                throw new IllegalArgumentException(
                        "Title id may only contain a-z, 0-9, '-', '_' and '.': " + quote(titleId));
            }
        }
        return titleId;
    }

    /**
     * Checks a path relative to a published version, such as {@code video/720p/seg-00001.m4s}:
     *
     * <ul>
     *   <li>1 to {@value #MAX_PATH_LENGTH} characters, at most {@value #MAX_DEPTH} segments
     *       separated by {@code '/'}, each 1 to {@value #MAX_SEGMENT_LENGTH} characters;
     *   <li>not absolute (no leading {@code '/'}), no backslash, no control character;
     *   <li>normalised: no empty segment ({@code "a//b"}, trailing {@code '/'}), no {@code "."} or
     *       {@code ".."} segment, and no segment starting with {@code '.'} (hidden names are
     *       reserved for the stores' own bookkeeping);
     *   <li>segments use only ASCII letters, digits and {@code - _ . ~ + = @ ,}.
     * </ul>
     *
     * @return {@code path} unchanged
     * @throws IllegalArgumentException naming the rule that was broken
     * @throws NullPointerException if {@code path} is null
     */
    public static String requireRelativePath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("Path must not be empty");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("Path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (isControl(c)) {
                throw new IllegalArgumentException("Path contains a control character at index " + i);
            }
            if (c == '\\') {
                throw new IllegalArgumentException("Path must use '/' separators, not backslashes: " + quote(path));
            }
        }
        if (path.charAt(0) == '/') {
            throw new IllegalArgumentException("Path must be relative, not absolute: " + quote(path));
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            throw new IllegalArgumentException("Path has more than " + MAX_DEPTH + " segments: " + quote(path));
        }
        for (String segment : segments) {
            requireSegment(segment, path);
        }
        return path;
    }

    private static void requireSegment(String segment, String path) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException(
                    "Path is not normalised (empty segment from '//' or a trailing '/'): " + quote(path));
        }
        if (segment.equals("..")) {
            throw new IllegalArgumentException("Path must not contain '..' segments: " + quote(path));
        }
        if (segment.equals(".")) {
            throw new IllegalArgumentException("Path is not normalised ('.' segment): " + quote(path));
        }
        if (segment.charAt(0) == '.') {
            throw new IllegalArgumentException("Path segments must not start with '.': " + quote(path));
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new IllegalArgumentException(
                    "Path segment is longer than " + MAX_SEGMENT_LENGTH + " characters: " + quote(path));
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.~+=@,".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException(
                        "Path may only contain ASCII letters, digits and '-_.~+=@,': " + quote(path));
            }
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Quotes a caller-supplied name for a message, cut to a readable length. */
    private static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + shown + "'";
    }
}
