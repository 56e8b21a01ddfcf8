package dev.reel.search.query;

import dev.reel.events.Maturity;
import dev.reel.events.search.SearchPerformed;
import dev.reel.kit.profile.ViewerProfile;
import dev.reel.kit.security.Caller;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.search.SearchProperties;
import dev.reel.search.index.SearchResult;
import dev.reel.search.index.TitleHit;
import dev.reel.search.index.TitleIndex;
import dev.reel.search.query.internal.SearchEvents;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Searches for a caller, within the profile's maturity ceiling (or, without a profile, over every published title),
 * and publishes each search. Must run on the request thread of an authenticated caller.
 */
@Service
public class TitleSearch {

    private final TitleIndex index;
    private final SearchEvents events;
    private final SearchProperties.Queries limits;
    private final int maxResultWindow;

    TitleSearch(TitleIndex index, SearchEvents events, SearchProperties settings) {
        this.index = index;
        this.events = events;
        this.limits = settings.queries();
        this.maxResultWindow = settings.ranking().maxResultWindow();
    }

    /**
     * One page of ranked titles, and a {@code SearchPerformed} for it (best effort).
     *
     * @param profile the profile searched for, or null for none (no ceiling: every published title)
     * @throws dev.reel.kit.web.ProblemException 400 for a blank or too long query, or a page beyond the result window
     */
    public Page<SearchHit> search(
            Caller caller, @Nullable ViewerProfile profile, @Nullable String q, PageRequest page) {
        String query = validQuery(q);
        if ((page.page() + 1L) * page.size() > maxResultWindow) {
            throw SearchProblems.resultWindowExceeded(maxResultWindow);
        }
        SearchResult result = index.search(query, ceiling(profile), (int) page.offset(), page.size());
        List<SearchHit> items = result.hits().stream().map(SearchHit::of).toList();
        events.publish(SearchPerformed.of(
                caller.accountId(),
                profile == null ? null : profile.id(),
                query,
                page.page(),
                result.totalHits(),
                result.hits().stream().map(TitleHit::titleId).toList()));
        return Page.of(items, page, result.totalHits());
    }

    /**
     * Type-ahead suggestions.
     *
     * @param limit suggestions wanted, null for the default
     * @throws dev.reel.kit.web.ProblemException 400 for a blank or too long query or a limit out of range
     */
    public Suggestions suggest(@Nullable ViewerProfile profile, @Nullable String q, @Nullable Integer limit) {
        String query = validQuery(q);
        int wanted = limit == null ? limits.defaultSuggestions() : limit;
        if (wanted < 1 || wanted > limits.maxSuggestions()) {
            throw SearchProblems.invalidQuery(
                    "limit must be between 1 and " + limits.maxSuggestions() + ", was " + wanted);
        }
        List<Suggestions.Suggestion> suggestions = index.suggest(query, ceiling(profile), wanted).stream()
                .map(hit -> new Suggestions.Suggestion(hit.titleId(), hit.name()))
                .toList();
        return new Suggestions(query, suggestions);
    }

    private String validQuery(@Nullable String q) {
        if (q == null || q.isBlank()) {
            throw SearchProblems.invalidQuery("q is required: the words to search for");
        }
        if (q.length() > limits.maxQueryLength()) {
            throw SearchProblems.invalidQuery(
                    "q may have at most " + limits.maxQueryLength() + " characters, had " + q.length());
        }
        return q;
    }

    private static Maturity ceiling(@Nullable ViewerProfile profile) {
        return profile == null ? Maturity.EIGHTEEN_PLUS : profile.ceiling();
    }
}
