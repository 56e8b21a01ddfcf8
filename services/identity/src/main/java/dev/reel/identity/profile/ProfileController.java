package dev.reel.identity.profile;

import dev.reel.identity.IdentityProperties;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's profiles; every route needs an access token and acts on the token's account only. */
@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    private final Profiles profiles;
    private final PageRequest everyProfile;

    ProfileController(Profiles profiles, IdentityProperties properties) {
        this.profiles = profiles;
        this.everyProfile = new PageRequest(0, properties.profiles().maxPerAccount());
    }

    /** All of the caller's profiles as one page (there are at most a handful). */
    @GetMapping
    Page<ProfileView> list() {
        List<ProfileView> items = profiles.list(account());
        return Page.of(items, everyProfile, items.size());
    }

    @GetMapping("/{id}")
    ProfileView get(@PathVariable UUID id) {
        return profiles.get(account(), id);
    }

    @PostMapping
    ResponseEntity<ProfileView> create(@Valid @RequestBody CreateProfileRequest request) {
        ProfileView created = profiles.create(account(), request);
        return ResponseEntity.created(URI.create("/api/v1/profiles/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    ProfileView update(@PathVariable UUID id, @Valid @RequestBody UpdateProfileRequest request) {
        return profiles.update(account(), id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        profiles.delete(account(), id);
        return ResponseEntity.noContent().build();
    }

    private static UUID account() {
        return Callers.current().accountId();
    }
}
