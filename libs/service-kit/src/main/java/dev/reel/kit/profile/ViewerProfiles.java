package dev.reel.kit.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.events.Maturity;
import dev.reel.kit.KitProperties;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Resolves the profile a request acts for. Every answer comes from identity, asked with the caller's token, so a
 * profile of another account is never accepted. Two caches keyed by (account, profile): a short one that saves the
 * round trip on busy pages, and a "last known" one that serves only while identity is unavailable.
 *
 * <p>Must be called on the request thread: it reads the caller's authentication.
 */
public class ViewerProfiles {

    /** The request header naming the profile a request acts for. */
    public static final String HEADER = "X-Profile-Id";

    /** A kids profile never sees above this, whatever its stored ceiling says. */
    public static final Maturity KIDS_CEILING = Maturity.SEVEN_PLUS;

    private static final Logger log = LoggerFactory.getLogger(ViewerProfiles.class);

    private final ProfileApi identity;
    private final Cache<Key, ViewerProfile> fresh;
    private final Cache<Key, ViewerProfile> lastKnown;

    ViewerProfiles(ProfileApi identity, KitProperties.Profiles settings) {
        this.identity = identity;
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(settings.fresh())
                .maximumSize(settings.maxEntries())
                .build();
        this.lastKnown = Caffeine.newBuilder()
                .expireAfterWrite(settings.lastKnown())
                .maximumSize(settings.maxEntries())
                .build();
    }

    private record Key(UUID accountId, UUID profileId) {}

    /**
     * The caller's profile {@code profileId}.
     *
     * @throws ProblemException 401 without an authenticated caller; 404 when the profile does not exist or belongs to
     *     another account; 503 when identity is unavailable and the profile was not seen within the last-known window
     */
    public ViewerProfile resolve(UUID profileId) {
        var key = new Key(Callers.current().accountId(), profileId);
        ViewerProfile cached = fresh.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        ProfileApi.ProfileResponse response;
        try {
            response = identity.profile(profileId);
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden e) {
            lastKnown.invalidate(key);
            throw ProblemException.notFound("No profile " + profileId + " in this account");
        } catch (HttpClientErrorException.Unauthorized e) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "Unauthorized", "Identity did not accept the caller's token");
        }
        if (response == ProfileApi.UNAVAILABLE) {
            ViewerProfile known = lastKnown.getIfPresent(key);
            if (known == null) {
                throw new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Identity unavailable",
                        "Profiles cannot be checked right now; try again shortly");
            }
            log.warn("identity unavailable; acting for profile {} as last seen", profileId);
            return known;
        }
        ViewerProfile profile = profileOf(key.accountId(), profileId, response);
        fresh.put(key, profile);
        lastKnown.put(key, profile);
        return profile;
    }

    /**
     * The profile named by a required {@value #HEADER} header.
     *
     * @throws ProblemException 400 when the header is missing or not a UUID, and as {@link #resolve}
     */
    public ViewerProfile fromHeader(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest(HEADER + " is required: the profile this request acts for");
        }
        return resolve(parse(header));
    }

    /**
     * The profile named by an optional {@value #HEADER} header, or null without one.
     *
     * @throws ProblemException 400 when the header is not a UUID, and as {@link #resolve}
     */
    public @Nullable ViewerProfile fromOptionalHeader(@Nullable String header) {
        return header == null || header.isBlank() ? null : resolve(parse(header));
    }

    private static UUID parse(String header) {
        try {
            return UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(HEADER + " must be a profile id (UUID)");
        }
    }

    /** Kids profiles are capped at 7+; a missing or unknown ceiling fails safe to 7+. */
    static ViewerProfile profileOf(UUID accountId, UUID profileId, ProfileApi.ProfileResponse response) {
        boolean kids = Boolean.TRUE.equals(response.kids());
        Maturity ceiling = response.maturityCeiling() == null
                ? KIDS_CEILING
                : Maturity.fromLabel(response.maturityCeiling()).orElse(KIDS_CEILING);
        if (kids && ceiling.compareTo(KIDS_CEILING) > 0) {
            ceiling = KIDS_CEILING;
        }
        UUID id = response.id() == null ? profileId : response.id();
        return new ViewerProfile(id, accountId, kids, ceiling);
    }
}
