package dev.reel.edge.internal;

import dev.reel.origin.OriginPaths;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request target into a title id, a relative path and (for the token-in-path form) a token,
 * or refuses it. Two forms are served:
 *
 * <ul>
 *   <li>{@code /v/<titleId>/<path>} with the token in the query ({@code ?t=<token>});
 *   <li>{@code /s/<token>/v/<titleId>/<path>}, the form playback hands out, because players
 *       resolve relative manifest URIs against the manifest's URL and drop its query, but keep its
 *       path. The token segment is taken as it is (tokens are base64url and {@code '.'}, never
 *       escaped) and is checked against {@code /v/<titleId>/<path>}, the rest of the path.
 * </ul>
 *
 * The raw {@code /v/...} path is percent-decoded first and then checked by {@link OriginPaths}, so
 * {@code ..}, {@code %2e%2e}, {@code %2f}, backslashes, empty segments, absolute paths and
 * dot-files are all refused before anything touches the disk.
 */
final class RequestPaths {

    /** The prefix every served object path starts with. */
    static final String PREFIX = "/v/";

    /** The prefix of the token-in-path form. */
    static final String TOKEN_PREFIX = "/s/";

    /**
     * A validated request path.
     *
     * @param token the token from the path ({@code /s/<token>/...}), or null for the query form
     */
    record Target(String titleId, String path, @Nullable String token) {

        /** The decoded request path a token must cover: {@code /v/<titleId>/<path>}. */
        String requestPath() {
            return PREFIX + titleId + "/" + path;
        }
    }

    private RequestPaths() {}

    /**
     * Parses the raw (still encoded) path of a request target, without its query.
     *
     * @throws IllegalArgumentException if the path is not {@code /v/<titleId>/<path>} or {@code
     *     /s/<token>/v/<titleId>/<path>} with a non-empty token, a valid title id and a normalised
     *     relative path
     */
    static Target parse(String rawPath) {
        String token = null;
        String objectPath = rawPath;
        if (rawPath.startsWith(TOKEN_PREFIX)) {
            int slash = rawPath.indexOf('/', TOKEN_PREFIX.length());
            if (slash <= TOKEN_PREFIX.length()) {
                throw new IllegalArgumentException("Path must be " + TOKEN_PREFIX + "<token>" + PREFIX + "...");
            }
            token = rawPath.substring(TOKEN_PREFIX.length(), slash);
            objectPath = rawPath.substring(slash);
        }
        String decoded = percentDecode(objectPath);
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
        return new Target(titleId, path, token);
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
