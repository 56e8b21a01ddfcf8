package dev.reel.catalog.title.internal;

import dev.reel.catalog.title.ArtworkKind;
import dev.reel.catalog.title.TitleRequest;
import dev.reel.catalog.title.TitleType;
import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The meaning checks of title writes: the shape (presence, lengths) is checked by bean validation before these run.
 * Every violation is a 422 problem naming the field and the accepted values.
 */
final class TitleRules {

    private final int earliestYear;
    private final int latestYear;

    /**
     * @param earliestYear the earliest accepted release year
     * @param latestYear the latest accepted release year (inclusive)
     */
    TitleRules(int earliestYear, int latestYear) {
        if (earliestYear > latestYear) {
            throw new IllegalArgumentException("earliestYear " + earliestYear + " is after latestYear " + latestYear);
        }
        this.earliestYear = earliestYear;
        this.latestYear = latestYear;
    }

    ValidTitle validate(TitleRequest request) {
        TitleType type = type(request.type());
        Maturity maturity = maturity(request.maturity());
        int year = request.year();
        if (year < earliestYear || year > latestYear) {
            throw ProblemException.unprocessable(
                    "year must be between " + earliestYear + " and " + latestYear + ", was " + year);
        }
        List<String> cast = request.cast() == null
                ? List.of()
                : request.cast().stream().map(String::strip).toList();
        var genreIds =
                request.genreIds() == null ? List.<UUID>of() : List.copyOf(new LinkedHashSet<>(request.genreIds()));
        var artworks = new ArrayList<ValidTitle.ValidArtwork>();
        if (request.artworks() != null) {
            for (TitleRequest.ArtworkRequest artwork : request.artworks()) {
                artworks.add(new ValidTitle.ValidArtwork(
                        artworkKind(artwork.kind()), artworkUrl(artwork.url()), artwork.width(), artwork.height()));
            }
        }
        return new ValidTitle(
                type,
                request.name().strip(),
                request.synopsis().strip(),
                year,
                request.runtimeMinutes(),
                maturity,
                cast,
                genreIds,
                List.copyOf(artworks));
    }

    /** Parses {@code MOVIE} or {@code SERIES}, ignoring case. */
    static TitleType type(String value) {
        return parseEnum(TitleType.class, value, "type");
    }

    /** Parses an artwork kind, ignoring case. */
    static ArtworkKind artworkKind(String value) {
        return parseEnum(ArtworkKind.class, value, "artwork kind");
    }

    /** Parses a maturity label ({@code 13+}); the enum name ({@code THIRTEEN_PLUS}) is accepted as well. */
    static Maturity maturity(String value) {
        String candidate = value.strip();
        return Maturity.fromLabel(candidate)
                .orElseThrow(() -> ProblemException.unprocessable("maturity must be one of "
                        + Arrays.stream(Maturity.values()).map(Maturity::label).collect(Collectors.joining(", "))
                        + ", was '" + value + "'"));
    }

    /** Accepts absolute {@code http}/{@code https} URLs with a host, and root-relative paths ({@code /art/1.jpg}). */
    static String artworkUrl(String value) {
        String url = value.strip();
        try {
            URI uri = new URI(url);
            boolean web = uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
            boolean rootRelative = uri.getScheme() == null
                    && uri.getRawAuthority() == null
                    && url.startsWith("/")
                    && !url.startsWith("//");
            if (web || rootRelative) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ProblemException.unprocessable(
                "artwork url must be an http(s) URL or a path starting with '/', was '" + value + "'");
    }

    /**
     * Seasons and episodes exist only on series.
     *
     * @throws ProblemException 422 for a movie
     */
    static void requireSeries(TitleType type, String what) {
        if (type != TitleType.SERIES) {
            throw ProblemException.unprocessable(what + " can only be added to a SERIES, this title is a " + type);
        }
    }

    /**
     * A series must have at least one episode before it is published.
     *
     * @throws ProblemException 422 for a series without episodes
     */
    static void requirePublishable(TitleType type, long episodes) {
        if (type == TitleType.SERIES && episodes == 0) {
            throw ProblemException.unprocessable("A series needs at least one episode before it can be published");
        }
    }

    /**
     * The type of a series that already has seasons cannot change.
     *
     * @throws ProblemException 422 when it would
     */
    static void requireTypeChangeAllowed(TitleType from, TitleType to, boolean hasSeasons) {
        if (from != to && hasSeasons) {
            throw ProblemException.unprocessable("type cannot change from " + from + " to " + to
                    + " while the title has seasons; delete the title and create it again");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, @Nullable String value, String field) {
        if (value != null) {
            String candidate = value.strip().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(candidate)) {
                    return constant;
                }
            }
        }
        throw ProblemException.unprocessable(field + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ", was '" + value + "'");
    }
}
