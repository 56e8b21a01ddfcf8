package dev.reel.origin;

import java.util.Objects;

/**
 * One object of a stored version, as {@link OriginStore#objects(String, String)} lists it.
 *
 * @param path the object's path relative to the version, valid for {@link
 *     OriginPaths#requireRelativePath(String)}; pass it to {@link OriginStore#open(String, String,
 *     String)} to read it
 * @param size its size in bytes, {@code >= 0}
 */
public record OriginObjectInfo(String path, long size) {

    /**
     * @throws IllegalArgumentException if the path is invalid or the size negative
     */
    public OriginObjectInfo {
        OriginPaths.requireRelativePath(Objects.requireNonNull(path, "path"));
        if (size < 0) {
            throw new IllegalArgumentException("Size must not be negative: " + size);
        }
    }
}
