package dev.reel.viewing.history;

import dev.reel.kit.profile.ViewerProfile;
import dev.reel.kit.profile.ViewerProfiles;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/viewing}: a profile's Continue Watching, history and bookmarks. Every route needs a member's token
 * and an {@code X-Profile-Id} of the caller's account (400 without one, 404 for another account's profile).
 */
@RestController
@RequestMapping(path = "/api/v1/viewing", produces = "application/json")
class ViewingController {

    private final Viewing viewing;
    private final ViewerProfiles profiles;

    ViewingController(Viewing viewing, ViewerProfiles profiles) {
        this.viewing = viewing;
        this.profiles = profiles;
    }

    @GetMapping("/continue")
    Page<ContinueItem> continueWatching(
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profileHeader,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        PageRequest request = PageRequest.of(page, size);
        ViewerProfile profile = profiles.fromHeader(profileHeader);
        return viewing.continueWatching(profile.id(), profile.ceiling(), request);
    }

    @GetMapping("/history")
    Page<HistoryItem> history(
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profileHeader,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return viewing.history(profiles.fromHeader(profileHeader).id(), request);
    }

    /** 404 when the profile has no bookmark for the movie ({@code episodeId} absent) or the episode. */
    @GetMapping("/bookmarks/{titleId}")
    BookmarkView bookmark(
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profileHeader,
            @PathVariable UUID titleId,
            @RequestParam(required = false) @Nullable UUID episodeId) {
        UUID profileId = profiles.fromHeader(profileHeader).id();
        return viewing.bookmark(profileId, titleId, episodeId)
                .orElseThrow(() -> ProblemException.notFound("No bookmark for title " + titleId
                        + (episodeId == null ? "" : " episode " + episodeId) + " in this profile"));
    }

    /** 204, also when there was nothing to remove. */
    @DeleteMapping("/history/{titleId}")
    ResponseEntity<Void> remove(
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profileHeader,
            @PathVariable UUID titleId) {
        viewing.remove(profiles.fromHeader(profileHeader).id(), titleId);
        return ResponseEntity.noContent().build();
    }
}
