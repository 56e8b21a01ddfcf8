package dev.reel.catalog.title;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An image of a title, in the order the admin listed them.
 *
 * @param width pixels, when known
 * @param height pixels, when known
 */
public record Artwork(
        UUID id,
        ArtworkKind kind,
        String url,
        @Nullable Integer width,
        @Nullable Integer height) {}
