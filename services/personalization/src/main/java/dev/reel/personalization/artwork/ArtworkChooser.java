package dev.reel.personalization.artwork;

import dev.reel.personalization.catalog.TitleView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Chooses the artwork a profile sees for a title. */
public interface ArtworkChooser {

    /**
     * The artwork to show: the only one when the title has one, a Thompson-sampling choice among several (seeded by
     * profile, title and hour of {@code now}), null when the title has none. From memory.
     */
    @Nullable
    String choose(UUID profileId, TitleView title, Instant now);
}
