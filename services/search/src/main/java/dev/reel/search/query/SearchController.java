package dev.reel.search.query;

import dev.reel.kit.profile.ViewerProfiles;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/search}: ranked search and type-ahead for members. {@code X-Profile-Id} is optional; when present it
 * is resolved against the caller's account (404 for another account's profile) and its maturity ceiling applies.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final TitleSearch search;
    private final ViewerProfiles profiles;

    SearchController(TitleSearch search, ViewerProfiles profiles) {
        this.search = search;
        this.profiles = profiles;
    }

    @GetMapping(produces = "application/json")
    Page<SearchHit> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profile) {
        PageRequest request = PageRequest.of(page, size);
        return search.search(Callers.current(), profiles.fromOptionalHeader(profile), q, request);
    }

    @GetMapping(path = "/suggest", produces = "application/json")
    Suggestions suggest(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profile) {
        return search.suggest(profiles.fromOptionalHeader(profile), q, limit);
    }
}
