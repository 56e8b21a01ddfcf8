package dev.reel.catalog.title;

import dev.reel.catalog.profile.ProfileCeilings;
import dev.reel.kit.security.Caller;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/titles}: public reads filtered by state and by the maturity ceiling of the {@code X-Profile-Id}
 * profile; admin writes. Single-title responses carry the version as a strong {@code ETag}, and {@code PUT} honours
 * {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/v1/titles", produces = "application/json")
class TitleController {

    private final Titles titles;
    private final ProfileCeilings ceilings;

    TitleController(Titles titles, ProfileCeilings ceilings) {
        this.titles = titles;
        this.ceilings = ceilings;
    }

    @GetMapping
    Page<TitleSummary> list(
            @RequestParam(required = false) @Nullable String genre,
            @RequestParam(required = false) @Nullable TitleState state,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestHeader(name = ProfileCeilings.PROFILE_HEADER, required = false) @Nullable String profile) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return titles.list(genre, state, audience(profile), pageRequest);
    }

    @GetMapping("/{id}")
    ResponseEntity<TitleDetails> get(
            @PathVariable UUID id,
            @RequestHeader(name = ProfileCeilings.PROFILE_HEADER, required = false) @Nullable String profile) {
        return withETag(ResponseEntity.ok(), titles.get(id, audience(profile)));
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TitleDetails> create(@Valid @RequestBody TitleRequest request) {
        TitleDetails title = titles.create(request);
        return withETag(ResponseEntity.created(locationOf(title.id())), title);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TitleDetails> update(
            @PathVariable UUID id,
            @Valid @RequestBody TitleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(ResponseEntity.ok(), titles.update(id, request, ETags.version(ifMatch)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        titles.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TitleDetails> publish(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), titles.publish(id));
    }

    @PostMapping("/{id}/unpublish")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<TitleDetails> unpublish(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), titles.unpublish(id));
    }

    @PostMapping(path = "/{id}/seasons", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Season> addSeason(@PathVariable UUID id, @Valid @RequestBody SeasonRequest request) {
        Season season = titles.addSeason(id, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(season);
    }

    @PostMapping(path = "/{id}/seasons/{number}/episodes", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Episode> addEpisode(
            @PathVariable UUID id, @PathVariable int number, @Valid @RequestBody EpisodeRequest request) {
        Episode episode = titles.addEpisode(id, number, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(episode);
    }

    private Audience audience(@Nullable String profileHeader) {
        Caller caller = Callers.currentOrNull();
        boolean admin = caller != null && caller.isAdmin();
        return new Audience(admin, ceilings.resolve(profileHeader));
    }

    private static URI locationOf(UUID id) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
    }

    private static ResponseEntity<TitleDetails> withETag(ResponseEntity.BodyBuilder response, TitleDetails title) {
        return response.eTag(ETags.of(title.version())).body(title);
    }

    /** Versions as strong entity tags: version 3 is {@code "3"}. */
    static final class ETags {

        private ETags() {}

        static String of(long version) {
            return "\"" + version + "\"";
        }

        /**
         * The version an {@code If-Match} header asks for; null when there is no precondition ({@code *} or absent).
         *
         * @throws ProblemException 412 when the tag cannot be a version of this resource
         */
        static @Nullable Long version(@Nullable String ifMatch) {
            if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
                return null;
            }
            String tag = ifMatch.strip();
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw TitleProblems.stale();
            }
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                throw TitleProblems.stale();
            }
        }
    }
}
