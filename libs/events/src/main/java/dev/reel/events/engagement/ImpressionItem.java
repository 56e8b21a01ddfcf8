package dev.reel.events.engagement;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One title a client showed in a row.
 *
 * @param position the title's position in the row, from 0
 * @param artworkUrl the artwork shown for it, or {@code null} when the client did not say
 */
public record ImpressionItem(
        UUID titleId, int position, @Nullable String artworkUrl) {}
