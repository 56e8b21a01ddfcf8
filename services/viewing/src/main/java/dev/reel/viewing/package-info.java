/**
 * Reel's viewing service: each profile's viewing history, resume positions (bookmarks), watched status and Continue
 * Watching list, built from playback's session facts and kept next-episode-aware with catalog snapshots.
 */
@NullMarked
package dev.reel.viewing;

import org.jspecify.annotations.NullMarked;
