package dev.reel.catalog.profile.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.catalog.CatalogProperties;
import dev.reel.catalog.profile.ProfileCeilings;
import dev.reel.events.Maturity;
import dev.reel.kit.security.Caller;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@link ProfileCeilings} backed by identity. Two caches keyed by (account, profile): a short one (60 s) that
 * saves the round trip, and a long "last known" one that only serves while identity is unavailable.
 */
@Service
class IdentityProfileCeilings implements ProfileCeilings {

    private static final Logger log = LoggerFactory.getLogger(IdentityProfileCeilings.class);

    private final ProfileApi identity;
    private final Maturity defaultCeiling;
    private final Maturity unavailableCeiling;
    private final Cache<Key, Maturity> fresh;
    private final Cache<Key, Maturity> lastKnown;

    IdentityProfileCeilings(ProfileApi identity, CatalogProperties properties) {
        this.identity = identity;
        this.defaultCeiling = properties.defaultMaturityCeiling();
        CatalogProperties.Profiles settings = properties.profiles();
        this.unavailableCeiling = settings.unavailableCeiling();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.cacheSize())
                .build();
        this.lastKnown = Caffeine.newBuilder()
                .expireAfterWrite(settings.lastKnownTtl())
                .maximumSize(settings.cacheSize())
                .build();
    }

    private record Key(UUID accountId, UUID profileId) {}

    @Override
    public Maturity resolve(@Nullable String profileHeader) {
        if (profileHeader == null || profileHeader.isBlank()) {
            return defaultCeiling;
        }
        UUID profileId = parse(profileHeader);
        // Acting for a profile needs the account's token: without one this is a 401 problem.
        Caller caller = Callers.current();
        var key = new Key(caller.accountId(), profileId);
        Maturity cached = fresh.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        ProfileResponse profile;
        try {
            profile = identity.profile(profileId);
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden e) {
            lastKnown.invalidate(key);
            throw ProblemException.notFound("profile not found");
        } catch (HttpClientErrorException.Unauthorized e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "Unauthorized", "Identity did not accept the caller's token");
        }
        if (profile == ProfileApiFallback.UNAVAILABLE) {
            Maturity degraded = CeilingRules.degraded(lastKnown.getIfPresent(key), unavailableCeiling);
            log.warn("Identity unavailable; profile {} gets ceiling {}", profileId, degraded.label());
            return degraded;
        }
        Maturity ceiling = CeilingRules.ceilingOf(profile, unavailableCeiling);
        fresh.put(key, ceiling);
        lastKnown.put(key, ceiling);
        return ceiling;
    }

    private static UUID parse(String header) {
        try {
            return UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(PROFILE_HEADER + " must be a profile id (UUID)");
        }
    }
}
