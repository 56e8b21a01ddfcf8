package dev.reel.edge.internal;

import org.jspecify.annotations.Nullable;

/**
 * One satisfiable byte range of a representation, inclusive at both ends.
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, {@code >= first}
 */
record ByteRange(long first, long last) {

    /** What a {@code Range} header asks for, once parsed against a size. */
    sealed interface Request permits Whole, Partial, Unsatisfiable {}

    /** Serve the whole representation: no header, an unparseable one, or several ranges. */
    record Whole() implements Request {}

    /** Serve one range with 206. */
    record Partial(ByteRange range) implements Request {}

    /** Answer 416: the single range lies entirely past the end. */
    record Unsatisfiable() implements Request {}

    long length() {
        return last - first + 1;
    }

    /**
     * Parses a {@code Range} header value for a representation of {@code size} bytes.
     *
     * <p>Only a single {@code bytes} range is served as 206: {@code first-last}, {@code first-} and
     * the suffix {@code -n}. A header with several ranges is answered with the whole
     * representation (RFC 9110 lets a server ignore {@code Range}), which spares a multipart body.
     * A header that does not parse is ignored the same way, as RFC 9110 requires.
     */
    static Request parse(@Nullable String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = value.substring(6).strip();
        if (spec.isEmpty() || spec.indexOf(',') >= 0) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String start = spec.substring(0, dash).strip();
        String end = spec.substring(dash + 1).strip();
        if (start.isEmpty()) {
            long suffix = parseDigits(end);
            if (suffix < 0) {
                return new Whole();
            }
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = parseDigits(start);
        if (first < 0) {
            return new Whole();
        }
        long last;
        if (end.isEmpty()) {
            last = size - 1;
        } else {
            last = parseDigits(end);
            if (last < 0 || last < first) {
                return new Whole();
            }
            last = Math.min(last, size - 1);
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first, last));
    }

    /** Returns the non-negative decimal value, or -1 if {@code text} is not 1 to 18 digits. */
    private static long parseDigits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
