package dev.reel.origin;

import java.time.Instant;
import java.util.Objects;

/**
 * One complete, immutable version of a title in the origin.
 *
 * @param titleId the title
 * @param version the version id, {@code v-<UTC timestamp>-<digest prefix>}; unique per title and
 *     usable with {@link OriginStore#open(String, String, String)} for as long as the version is
 *     retained
 * @param publishedAt when this version became current
 * @param objectCount how many objects (files) the version holds
 * @param totalBytes the sum of their sizes
 * @param digest hex SHA-256 over the version's sorted (path, size, SHA-256) list: two versions
 *     with the same digest hold the same bytes under the same names
 */
public record Publication(
        String titleId, String version, Instant publishedAt, int objectCount, long totalBytes, String digest) {

    /** Validates the components. */
    public Publication {
        OriginPaths.requireTitleId(titleId);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(digest, "digest");
        if (objectCount < 1 || totalBytes < 0) {
            throw new IllegalArgumentException("A publication holds at least one object and a non-negative size");
        }
    }
}
