package dev.reel.personalization.home.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The slice of viewing's HTTP API the home page uses. Rows are built on their own virtual threads, where the kit
 * cannot find the caller's request, so the caller's {@code Authorization} is passed explicitly.
 */
public interface ViewingApi {

    /** The marker answer while viewing cannot answer; compared by identity, it is never a real page. */
    ContinuePage UNAVAILABLE = new ContinuePage(List.of());

    /**
     * The profile's Continue Watching list, first page.
     *
     * @return the page, or {@link #UNAVAILABLE} from the fallback
     */
    @GetExchange("/api/v1/viewing/continue")
    ContinuePage continueWatching(
            @RequestHeader("Authorization") String authorization,
            @RequestHeader("X-Profile-Id") UUID profileId,
            @RequestParam("size") int size);

    /** The fields of viewing's page the row uses; others are ignored. */
    record ContinuePage(@Nullable List<ContinueItem> items) {}

    /**
     * One entry.
     *
     * @param progress 0..1
     * @param episodeId the episode to resume (or the next one to start), null for a movie
     */
    record ContinueItem(
            @Nullable UUID titleId,
            @Nullable UUID episodeId,
            @Nullable Double progress) {}

    /** Answers for viewing while it is failing, slow or behind an open circuit: "unknown", never an error. */
    final class Fallback implements ViewingApi {

        @Override
        public ContinuePage continueWatching(String authorization, UUID profileId, int size) {
            return UNAVAILABLE;
        }
    }
}
