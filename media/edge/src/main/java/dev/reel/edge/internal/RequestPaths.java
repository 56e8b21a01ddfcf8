package dev.reel.edge.internal;

import dev.reel.origin.OriginPaths;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request target into a title id and a relative path, or refuses it. The raw path is
 * percent-decoded first and then checked by {@link OriginPaths}, so {@code ..}, {@code %2e%2e},
 * {@code %2f}, backslashes, empty segments, absolute paths and dot-files are all refused before
 * anything touches the disk.
 */
final class RequestPaths {

    /** The prefix every served path starts with. */
    static final String PREFIX = "/v/";

    /** A validated request path. */
    record Target(String titleId, String path) {

        /** The decoded request path a token must cover: {@code /v/<titleId>/<path>}. */
        String requestPath() {
            return PREFIX + titleId + "/" + path;
        }
    }

    private RequestPaths() {}

    /**
     * Parses the raw (still encoded) path of a request target, without its query.
     *
     * @throws IllegalArgumentException if the path is not {@code /v/<titleId>/<path>} with a valid
     *     title id and a normalised relative path
     */
    static Target parse(String rawPath) {
        String decoded = percentDecode(rawPath);
        if (!decoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Path must start with " + PREFIX);
        }
        String rest = decoded.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Path must be " + PREFIX + "<titleId>/<path>");
        }
        String titleId = OriginPaths.requireTitleId(rest.substring(0, slash));
        String path = OriginPaths.requireRelativePath(rest.substring(slash + 1));
        return new Target(titleId, path);
    }

    /** Decodes {@code %XX} escapes as UTF-8; {@code '+'} stays a plus sign, as in any URI path. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("Truncated percent escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("Bad percent escape");
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("Non-ASCII character in request path");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Percent escapes are not valid UTF-8", e);
        }
    }
}
