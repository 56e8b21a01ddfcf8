package dev.reel.playback.profile.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.events.Maturity;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.ProblemException;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.profile.ViewerProfile;
import dev.reel.playback.profile.ViewerProfiles;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@link ViewerProfiles} backed by identity, asked on every play. The last answer per (account, profile) is kept for
 * {@code reel.playback.caches.profiles} and only used while identity is unavailable.
 */
@Service
class IdentityViewerProfiles implements ViewerProfiles {

    private static final Logger log = LoggerFactory.getLogger(IdentityViewerProfiles.class);

    /** A kids profile never watches above this, whatever its stored ceiling says. */
    static final Maturity KIDS_CEILING = Maturity.SEVEN_PLUS;

    private final ProfileApi identity;
    private final Cache<Key, ViewerProfile> lastKnown;

    IdentityViewerProfiles(ProfileApi identity, PlaybackProperties properties) {
        this.identity = identity;
        this.lastKnown = Caffeine.newBuilder()
                .expireAfterWrite(properties.caches().profiles())
                .maximumSize(properties.caches().maxEntries())
                .build();
    }

    private record Key(UUID accountId, UUID profileId) {}

    @Override
    public ViewerProfile resolve(UUID profileId) {
        var key = new Key(Callers.current().accountId(), profileId);
        ProfileResponse response;
        try {
            response = identity.profile(profileId);
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden e) {
            lastKnown.invalidate(key);
            throw ProblemException.notFound("No profile " + profileId + " in this account");
        } catch (HttpClientErrorException.Unauthorized e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "Unauthorized", "Identity did not accept the caller's token");
        }
        if (response == ProfileApiFallback.UNAVAILABLE) {
            ViewerProfile cached = lastKnown.getIfPresent(key);
            if (cached == null) {
                throw new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Identity unavailable",
                        "Profiles cannot be checked right now; try again shortly");
            }
            log.warn("identity unavailable; playing for profile {} as last seen", profileId);
            return cached;
        }
        ViewerProfile profile = profileOf(profileId, response);
        lastKnown.put(key, profile);
        return profile;
    }

    /** Kids profiles are capped at 7+; a missing or unknown ceiling fails safe to 7+. */
    static ViewerProfile profileOf(UUID profileId, ProfileResponse response) {
        boolean kids = Boolean.TRUE.equals(response.kids());
        Maturity ceiling = response.maturityCeiling() == null
                ? KIDS_CEILING
                : Maturity.fromLabel(response.maturityCeiling()).orElse(KIDS_CEILING);
        if (kids && ceiling.compareTo(KIDS_CEILING) > 0) {
            ceiling = KIDS_CEILING;
        }
        return new ViewerProfile(Objects.requireNonNullElse(response.id(), profileId), kids, ceiling);
    }
}
