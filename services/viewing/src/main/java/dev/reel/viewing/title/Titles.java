package dev.reel.viewing.title;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The titles viewing learnt from the catalog's snapshots. A title the catalog has not announced yet is unknown. */
public interface Titles {

    Optional<TitleInfo> find(UUID titleId);

    /** The known titles among {@code titleIds}, by id; unknown ones are absent. */
    Map<UUID, TitleInfo> findAll(Collection<UUID> titleIds);
}
