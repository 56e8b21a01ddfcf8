package dev.reel.catalog;

import dev.reel.events.Maturity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog service, bound from {@code reel.catalog.*}. Maturity values are written as their
 * labels ({@code 7+}, {@code 18+}) or as enum names.
 *
 * @param defaultMaturityCeiling ceiling applied to requests without an {@code X-Profile-Id} header
 * @param profiles how profile ceilings are looked up and cached
 * @param titles limits applied when titles are written
 * @param events how consumed events are retried
 */
@ConfigurationProperties("reel.catalog")
public record CatalogProperties(
        @DefaultValue("18+") Maturity defaultMaturityCeiling,
        @DefaultValue Profiles profiles,
        @DefaultValue Titles titles,
        @DefaultValue Events events) {

    /**
     * Profile lookups against identity.
     *
     * @param cacheTtl how long a resolved ceiling is reused without asking identity again
     * @param lastKnownTtl how long a resolved ceiling may still serve as the fallback while identity is down
     * @param cacheSize maximum number of (account, profile) entries kept in each cache
     * @param unavailableCeiling ceiling used when identity is down and nothing is known about the profile
     */
    public record Profiles(
            @DefaultValue("60s") Duration cacheTtl,
            @DefaultValue("24h") Duration lastKnownTtl,
            @DefaultValue("10000") long cacheSize,
            @DefaultValue("7+") Maturity unavailableCeiling) {}

    /**
     * Title write rules.
     *
     * @param earliestYear the earliest accepted release year
     * @param yearsAhead how many years past the current one a release year may be (announced titles)
     */
    public record Titles(
            @DefaultValue("1888") int earliestYear,
            @DefaultValue("5") int yearsAhead) {}

    /**
     * Consuming other services' events ({@code EncodingCompleted}). A record that fails because the database is
     * unreachable is retried with exponential backoff, without limit, so no event is lost to an outage; a record
     * failing for any other reason is logged and skipped.
     *
     * @param retryBackoff the first delay before a failed record is retried
     * @param maxRetryBackoff the longest delay between retries
     */
    public record Events(
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue("30s") Duration maxRetryBackoff) {}
}
