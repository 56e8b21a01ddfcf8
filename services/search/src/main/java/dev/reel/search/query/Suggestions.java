package dev.reel.search.query;

import java.util.List;
import java.util.UUID;

/**
 * Type-ahead answer.
 *
 * @param query the text as received
 * @param suggestions best first
 */
public record Suggestions(String query, List<Suggestion> suggestions) {

    /** A title whose name or cast completes the text. */
    public record Suggestion(UUID titleId, String name) {}
}
