package dev.reel.edge;

import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginStore;
import java.io.IOException;
import java.util.Optional;

/**
 * How an edge request path names an origin object: a first segment starting with {@code v-} is an
 * origin version and the rest is read from it; anything else is read from the title's current
 * version. Shared by {@link OriginFill} and {@link OriginPassthrough}.
 */
final class OriginLookup {

    /** The first characters of a path segment that names an origin version. */
    static final String VERSION_PREFIX = "v-";

    private OriginLookup() {}

    /**
     * Resolves the object a request for {@code /v/<titleId>/<path>} names.
     *
     * @return the object, or empty if origin does not hold it, or a {@code v-} segment is not a
     *     well-formed version id or has nothing after it
     * @throws IOException if origin cannot be read
     */
    static Optional<OriginObject> resolve(OriginStore origin, String titleId, String path) throws IOException {
        try {
            if (!path.startsWith(VERSION_PREFIX)) {
                return origin.open(titleId, path);
            }
            int slash = path.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            return origin.open(titleId, path.substring(0, slash), path.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
