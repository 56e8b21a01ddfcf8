package dev.reel.launcher.studio;

import java.util.Objects;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/studio/uploads}: announces a master for a catalog title.
 *
 * @param titleId the catalog title (must exist)
 * @param filename the master's file name, without directories
 * @param length the master's size in bytes
 * @param ladder which ladder to build
 * @param profile how hard to work
 */
public record UploadRequest(UUID titleId, String filename, long length, Ladder ladder, Profile profile) {

    public UploadRequest {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(profile, "profile");
    }
}
