package dev.reel.origin.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version ids: {@code v-<yyyyMMdd'T'HHmmssSSS'Z'>-<first 12 hex digits of the content digest>}.
 * The timestamp is when the upload started (it ages abandoned uploads and sorts ids by time); the
 * digest prefix lets an interrupted publish of the same content find its upload again.
 */
public final class VersionIds {

    private static final Pattern PATTERN = Pattern.compile("v-(\\d{8}T\\d{9}Z)-([0-9a-f]{12})");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private VersionIds() {}

    /** A new version id for content with the given hex digest, created at {@code now}. */
    public static String create(Instant now, String digest) {
        return "v-" + TIMESTAMP.format(now) + "-" + digest.substring(0, 12);
    }

    /** Whether {@code value} is a well-formed version id. */
    public static boolean isValid(String value) {
        return value.length() < 40 && PATTERN.matcher(value).matches();
    }

    /**
     * Checks a caller-supplied version id.
     *
     * @throws IllegalArgumentException if it is not well-formed
     */
    public static String require(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a version id (v-<yyyyMMddTHHmmssSSSZ>-<12 hex>): '"
                    + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'");
        }
        return value;
    }

    /** When the upload of a well-formed version id started. */
    public static Instant createdAt(String versionId) {
        Matcher m = matcher(versionId);
        return TIMESTAMP.parse(m.group(1), Instant::from);
    }

    /** Whether a well-formed version id was created for content with this hex digest. */
    public static boolean hasDigest(String versionId, String digest) {
        return matcher(versionId).group(2).equals(digest.substring(0, 12));
    }

    private static Matcher matcher(String versionId) {
        Matcher m = PATTERN.matcher(versionId);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a version id: " + versionId);
        }
        return m;
    }
}
