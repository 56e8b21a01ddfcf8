package dev.reel.personalization.home;

import dev.reel.kit.profile.ViewerProfiles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/home} (member, {@code X-Profile-Id} required): the profile's ranked rows. */
@RestController
class HomeController {

    private final ViewerProfiles profiles;
    private final HomePages pages;

    HomeController(ViewerProfiles profiles, HomePages pages) {
        this.profiles = profiles;
        this.pages = pages;
    }

    @GetMapping(path = "/api/v1/home", produces = "application/json")
    HomePage home(
            @RequestHeader(name = ViewerProfiles.HEADER, required = false) @Nullable String profile,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return pages.build(profiles.fromHeader(profile), authorization);
    }
}
