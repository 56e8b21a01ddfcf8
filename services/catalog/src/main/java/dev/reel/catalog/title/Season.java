package dev.reel.catalog.title;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A season of a series with its episodes ordered by number.
 *
 * @param name optional display name ("Book One: Water")
 */
public record Season(int number, @Nullable String name, List<Episode> episodes) {}
