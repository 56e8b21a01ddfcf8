package dev.reel.catalog.title;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes titles. Every failure is a {@link dev.reel.kit.web.ProblemException} carrying its HTTP status.
 * Writes that make or change a published title append {@code TitlePublished} or {@code TitleUpdated} to the outbox in
 * the same transaction.
 */
public interface Titles {

    /**
     * Titles visible to {@code audience}, newest published first (then newest created, then id).
     *
     * @param genre a genre id or slug to filter by, or null for every genre
     * @param state for admins: only titles in this state (null: any); others only ever see published titles
     * @throws dev.reel.kit.web.ProblemException 404 for an unknown genre, 403 when a non-admin asks for drafts
     */
    Page<TitleSummary> list(@Nullable String genre, @Nullable TitleState state, Audience audience, PageRequest page);

    /**
     * @throws dev.reel.kit.web.ProblemException 404 when the title does not exist or is not visible to
     *     {@code audience}
     */
    TitleDetails get(UUID id, Audience audience);

    /**
     * Creates a draft.
     *
     * @throws dev.reel.kit.web.ProblemException 422 for an unknown type, maturity, artwork kind or genre id, or a
     *     year out of range
     */
    TitleDetails create(TitleRequest request);

    /**
     * Replaces a title's fields, genres, cast and artwork.
     *
     * @param expectedVersion the version the caller based the change on ({@code If-Match}), or null for last write
     *     wins
     * @throws dev.reel.kit.web.ProblemException 404, 412 when {@code expectedVersion} is stale, 422 as for
     *     {@link #create(TitleRequest)} or when the type of a series with seasons would change
     */
    TitleDetails update(UUID id, TitleRequest request, @Nullable Long expectedVersion);

    /**
     * Deletes a draft.
     *
     * @throws dev.reel.kit.web.ProblemException 404, or 409 for a published title (unpublish it first)
     */
    void delete(UUID id);

    /**
     * Publishes a title; publishing a published title changes nothing and announces nothing.
     *
     * @throws dev.reel.kit.web.ProblemException 404, or 422 for a series without any episode
     */
    TitleDetails publish(UUID id);

    /**
     * Turns a published title back into a draft; a draft is left as it is.
     *
     * @throws dev.reel.kit.web.ProblemException 404
     */
    TitleDetails unpublish(UUID id);

    /**
     * Adds a season to a series.
     *
     * @throws dev.reel.kit.web.ProblemException 404, 409 when the season number exists, 422 for a movie
     */
    Season addSeason(UUID titleId, SeasonRequest request);

    /**
     * Adds an episode to a season of a series.
     *
     * @throws dev.reel.kit.web.ProblemException 404 for an unknown title or season, 409 when the episode number
     *     exists in that season, 422 for a movie
     */
    Episode addEpisode(UUID titleId, int seasonNumber, EpisodeRequest request);
}
