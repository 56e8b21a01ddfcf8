package dev.reel.loadgen;

import java.net.URI;
import java.util.List;

/**
 * A session's edges in the order playback gave them, and the one currently in use: a 5xx or no answer moves the
 * walk to the next edge for good, as a player stays on the edge that last worked.
 */
final class EdgeWalk {

    /** Fetches one URL. */
    @FunctionalInterface
    interface Fetch {
        Calls.Answer get(String url) throws InterruptedException;
    }

    private final List<String> bases;
    private int current;

    /** @param bases the edges' base URLs, each ending with {@code /}; at least one */
    EdgeWalk(List<String> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one edge");
        }
        this.bases = bases.stream().map(b -> b.endsWith("/") ? b : b + "/").toList();
    }

    /** The base URL in use. */
    String base() {
        return bases.get(current);
    }

    int current() {
        return current;
    }

    /** Goes back to the first edge (a retry after every edge failed). */
    void restart() {
        current = 0;
    }

    /**
     * The path of {@code uri} (as written in a playlist fetched from {@code from}, relative to the current base)
     * relative to the edge base, so it can be fetched from any edge; an absolute URI on another host is kept as is.
     */
    String relative(String from, String uri) {
        String resolved =
                URI.create(absolute(from) ? from : base() + from).resolve(uri).toString();
        return resolved.startsWith(base()) ? resolved.substring(base().length()) : resolved;
    }

    /**
     * GETs {@code relativeOrAbsolute} from the current edge, moving down the list while edges answer 5xx or not at
     * all. Returns the first other answer, or the last edge's failure.
     */
    Calls.Answer fetch(String relativeOrAbsolute, Fetch fetch) throws InterruptedException {
        if (absolute(relativeOrAbsolute)) {
            return fetch.get(relativeOrAbsolute);
        }
        while (true) {
            Calls.Answer answer = fetch.get(base() + relativeOrAbsolute);
            boolean edgeFailed = answer.status() == 0 || answer.status() >= 500;
            if (!edgeFailed || current == bases.size() - 1) {
                return answer;
            }
            current++;
        }
    }

    private static boolean absolute(String uri) {
        return uri.startsWith("http://") || uri.startsWith("https://");
    }
}
