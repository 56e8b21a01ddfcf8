package dev.reel.edgetoken;

import dev.reel.edgetoken.EdgeTokenVerification.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies edge tokens.
 *
 * <p>A token is {@code base64url(claims) + "." + base64url(mac)}, without padding, where the claims
 * are the UTF-8 lines {@code "1"}, kid, expiry (epoch seconds), session id and path prefix joined by
 * {@code '\n'}, and the MAC is HMAC-SHA256 over exactly those claim bytes with the secret named by
 * the kid. The string is safe in a query parameter without further escaping.
 *
 * <p>Secrets rotate by key id: the signer names one kid, the verifier holds a map of every kid it
 * still accepts. An unknown kid verifies as {@link Outcome#BAD_SIGNATURE}.
 */
public final class EdgeTokens {

    /** Shortest accepted secret, in bytes (the HMAC-SHA256 output size). */
    public static final int MIN_SECRET_BYTES = 32;

    /** Longest token {@link #verify} will parse, in characters. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    /** Longest key id, in characters. */
    public static final int MAX_KID_LENGTH = 32;

    /** Longest session id, in characters. */
    public static final int MAX_SESSION_ID_LENGTH = 128;

    /** Longest path prefix, in characters. */
    public static final int MAX_PREFIX_LENGTH = 1024;

    private static final String VERSION = "1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private EdgeTokens() {}

    /**
     * Signs a token.
     *
     * @param kid the key id, 1 to {@value #MAX_KID_LENGTH} characters of {@code [A-Za-z0-9_-]}
     * @param secret the secret for {@code kid}, at least {@value #MIN_SECRET_BYTES} bytes; not
     *     retained
     * @param pathPrefix the prefix to authorise: starts with {@code '/'}, does not end with {@code
     *     '/'} (unless it is {@code "/"}), has no {@code "."} or {@code ".."} segment, no empty
     *     segment, no backslash and no control character
     * @param expiry when the token stops being valid; truncated to whole seconds, not before the
     *     epoch
     * @param sessionId the playback session, 1 to {@value #MAX_SESSION_ID_LENGTH} printable
     *     characters
     * @return the compact token
     * @throws IllegalArgumentException if an argument breaks a rule above
     */
    public static String sign(String kid, byte[] secret, String pathPrefix, Instant expiry, String sessionId) {
        requireKid(kid);
        requireSecret(kid, secret);
        requirePrefix(pathPrefix);
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.getEpochSecond() < 0) {
            throw new IllegalArgumentException("Expiry must not be before the epoch");
        }
        requireSessionId(sessionId);
        byte[] claims = String.join("\n", VERSION, kid, Long.toString(expiry.getEpochSecond()), sessionId, pathPrefix)
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(mac(secret, claims));
    }

    /**
     * Verifies a token for one request. Checks run in this order and the first failure is the
     * outcome: shape ({@link Outcome#MALFORMED}), key id and MAC ({@link Outcome#BAD_SIGNATURE}),
     * expiry ({@link Outcome#EXPIRED}, when {@code now} is at or after the expiry), path ({@link
     * Outcome#PATH_OUTSIDE_PREFIX}). The MAC is compared in constant time.
     *
     * <p>The request path is inside the prefix when it equals it or starts with the prefix followed
     * by {@code '/'}, so {@code /v/title1} does not open {@code /v/title10/a.m4s}. A request path
     * that is not in normal form (a {@code "."}, {@code ".."} or empty segment, a backslash, a
     * control character) is never inside any prefix.
     *
     * @param secrets every accepted key id mapped to its secret; the map is only read
     * @param token the token as received; may be anything, including empty
     * @param requestPath the request's path, already percent-decoded, without the query
     * @param now the current time
     * @return the outcome, never null
     */
    public static EdgeTokenVerification verify(
            Map<String, byte[]> secrets, String token, String requestPath, Instant now) {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(requestPath, "requestPath");
        Objects.requireNonNull(now, "now");
        if (token.length() > MAX_TOKEN_LENGTH) {
            return malformed();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) {
            return malformed();
        }
        byte[] claims;
        byte[] presentedMac;
        try {
            claims = DECODER.decode(token.substring(0, dot));
            presentedMac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return malformed();
        }
        String[] fields = new String(claims, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 5 || !fields[0].equals(VERSION)) {
            return malformed();
        }
        String kid = fields[1];
        String sessionId = fields[3];
        String prefix = fields[4];
        long expirySeconds;
        try {
            expirySeconds = Long.parseLong(fields[2]);
            requireKid(kid);
            requirePrefix(prefix);
            requireSessionId(sessionId);
        } catch (IllegalArgumentException e) {
            return malformed();
        }
        if (expirySeconds < 0) {
            return malformed();
        }
        byte[] secret = secrets.get(kid);
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            return new EdgeTokenVerification(Outcome.BAD_SIGNATURE, null);
        }
        if (!MessageDigest.isEqual(mac(secret, claims), presentedMac)) {
            return new EdgeTokenVerification(Outcome.BAD_SIGNATURE, null);
        }
        EdgeToken verified = new EdgeToken(kid, prefix, Instant.ofEpochSecond(expirySeconds), sessionId);
        if (now.getEpochSecond() >= expirySeconds) {
            return new EdgeTokenVerification(Outcome.EXPIRED, verified);
        }
        if (!isInside(prefix, requestPath)) {
            return new EdgeTokenVerification(Outcome.PATH_OUTSIDE_PREFIX, verified);
        }
        return new EdgeTokenVerification(Outcome.VALID, verified);
    }

    static boolean isInside(String prefix, String requestPath) {
        if (!isNormalAbsolute(requestPath)) {
            return false;
        }
        if (prefix.equals("/")) {
            return true;
        }
        return requestPath.equals(prefix)
                || (requestPath.startsWith(prefix) && requestPath.charAt(prefix.length()) == '/');
    }

    private static boolean isNormalAbsolute(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        if (path.equals("/")) {
            return true;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mac(byte[] secret, byte[] claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static EdgeTokenVerification malformed() {
        return new EdgeTokenVerification(Outcome.MALFORMED, null);
    }

    private static void requireKid(String kid) {
        Objects.requireNonNull(kid, "kid");
        if (kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            throw new IllegalArgumentException("Key id must be 1 to " + MAX_KID_LENGTH + " characters");
        }
        for (int i = 0; i < kid.length(); i++) {
            char c = kid.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("Key id may only contain A-Z, a-z, 0-9, '-' and '_'");
            }
        }
    }

    private static void requireSecret(String kid, byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "Secret for key id " + kid + " is shorter than " + MIN_SECRET_BYTES + " bytes");
        }
    }

    private static void requirePrefix(String prefix) {
        Objects.requireNonNull(prefix, "pathPrefix");
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("Path prefix is longer than " + MAX_PREFIX_LENGTH + " characters");
        }
        if (!isNormalAbsolute(prefix)) {
            throw new IllegalArgumentException(
                    "Path prefix must be absolute and normalised (no '.', '..' or empty segment, no backslash)");
        }
        if (prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException("Path prefix must not end with '/'");
        }
    }

    private static void requireSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isEmpty() || sessionId.length() > MAX_SESSION_ID_LENGTH) {
            throw new IllegalArgumentException("Session id must be 1 to " + MAX_SESSION_ID_LENGTH + " characters");
        }
        for (int i = 0; i < sessionId.length(); i++) {
            char c = sessionId.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                throw new IllegalArgumentException("Session id contains a control character at index " + i);
            }
        }
    }
}
