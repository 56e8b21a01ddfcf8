package dev.reel.cmaf.box;

import java.nio.charset.StandardCharsets;

/** Four-character codes: box types, brands, handler types and scheme types. */
public final class FourCc {

    private FourCc() {}

    /**
     * Checks that {@code code} is a four-character code (four chars in U+0000..U+00FF).
     *
     * @return {@code code}
     * @throws IllegalArgumentException if it is not
     */
    public static String require(String code) {
        if (code.length() != 4) {
            throw new IllegalArgumentException("Not a four-character code: '" + code + "'");
        }
        for (int i = 0; i < 4; i++) {
            if (code.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("Not a four-character code: '" + code + "'");
            }
        }
        return code;
    }

    /** Decodes the four bytes at {@code offset} (ISO-8859-1, so every byte value round-trips). */
    public static String decode(byte[] data, int offset) {
        return new String(data, offset, 4, StandardCharsets.ISO_8859_1);
    }

    /** Encodes a code checked by {@link #require(String)} into four bytes. */
    public static byte[] encode(String code) {
        return require(code).getBytes(StandardCharsets.ISO_8859_1);
    }
}
