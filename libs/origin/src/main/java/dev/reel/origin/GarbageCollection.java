package dev.reel.origin;

import java.util.List;
import java.util.Objects;

/**
 * What {@link OriginStore#collectGarbage(String)} did to one title.
 *
 * @param titleId the title
 * @param deletedVersions versions removed, superseded and abandoned alike
 * @param keptVersions versions still stored: the current one first, then retained previous ones,
 *     then abandoned ones too young to remove
 */
public record GarbageCollection(String titleId, List<String> deletedVersions, List<String> keptVersions) {

    /** Copies the lists. */
    public GarbageCollection {
        Objects.requireNonNull(titleId, "titleId");
        deletedVersions = List.copyOf(deletedVersions);
        keptVersions = List.copyOf(keptVersions);
    }
}
