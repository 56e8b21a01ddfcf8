package dev.reel.catalog.genre;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/genres}: public reads, admin writes. */
@RestController
@RequestMapping(path = "/api/v1/genres", produces = "application/json")
class GenreController {

    private final Genres genres;

    GenreController(Genres genres) {
        this.genres = genres;
    }

    @GetMapping
    Page<Genre> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return genres.list(PageRequest.of(page, size));
    }

    @GetMapping("/{idOrSlug}")
    Genre get(@PathVariable String idOrSlug) {
        return genres.find(idOrSlug).orElseThrow(() -> GenreProblems.notFound(idOrSlug));
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Genre> create(@Valid @RequestBody GenreRequest request) {
        Genre genre = genres.create(request.name());
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(genre.id())
                .toUri();
        return ResponseEntity.created(location).body(genre);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    Genre rename(@PathVariable UUID id, @Valid @RequestBody GenreRequest request) {
        return genres.rename(id, request.name());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        genres.delete(id);
        return ResponseEntity.noContent().build();
    }
}
