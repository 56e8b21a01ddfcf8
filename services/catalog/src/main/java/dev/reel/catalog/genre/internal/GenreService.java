package dev.reel.catalog.genre.internal;

import dev.reel.catalog.genre.Genre;
import dev.reel.catalog.genre.GenreProblems;
import dev.reel.catalog.genre.GenreRemoved;
import dev.reel.catalog.genre.GenreRenamed;
import dev.reel.catalog.genre.Genres;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class GenreService implements Genres {

    private final GenreRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GenreService(GenreRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Page<Genre> list(PageRequest page) {
        long total = repository.count();
        var items = total == 0 ? List.<Genre>of() : repository.page(page.offset(), page.size());
        return Page.of(items, page, total);
    }

    @Override
    public Genre get(UUID id) {
        return repository.findById(id).orElseThrow(() -> GenreProblems.notFound(id));
    }

    @Override
    public Optional<Genre> find(String idOrSlug) {
        UUID id;
        try {
            id = UUID.fromString(idOrSlug);
        } catch (IllegalArgumentException notUuid) {
            return repository.findBySlug(idOrSlug);
        }
        // UUID.fromString also accepts short forms such as "1-2-3-4-5", which are valid slugs too.
        return repository.findById(id).or(() -> repository.findBySlug(idOrSlug));
    }

    @Override
    public Map<UUID, Genre> findAll(Collection<UUID> ids) {
        return repository.findAll(ids).stream().collect(Collectors.toMap(Genre::id, Function.identity()));
    }

    @Override
    @Transactional
    public Genre create(String name) {
        Genre genre = named(UUID.randomUUID(), name);
        try {
            repository.insert(genre, clock.instant());
        } catch (DuplicateKeyException e) {
            throw taken(genre);
        }
        return genre;
    }

    @Override
    @Transactional
    public Genre rename(UUID id, String name) {
        Genre genre = named(id, name);
        boolean existed;
        try {
            existed = repository.update(genre);
        } catch (DuplicateKeyException e) {
            throw taken(genre);
        }
        if (!existed) {
            throw GenreProblems.notFound(id);
        }
        events.publishEvent(new GenreRenamed(genre));
        return genre;
    }

    @Override
    @Transactional
    public void delete(UUID id) {
        Genre genre = get(id);
        events.publishEvent(new GenreRemoved(genre));
        repository.delete(id);
    }

    private static Genre named(UUID id, String name) {
        String display = name.strip();
        String slug = Slugs.of(display)
                .orElseThrow(() -> ProblemException.unprocessable("A genre name needs at least one letter or digit"));
        return new Genre(id, display, slug);
    }

    private static ProblemException taken(Genre genre) {
        return ProblemException.conflict(
                "A genre named '" + genre.name() + "' (or with the slug '" + genre.slug() + "') already exists");
    }
}
