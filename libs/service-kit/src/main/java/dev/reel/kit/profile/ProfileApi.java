package dev.reel.kit.profile;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** The slice of identity's HTTP API profile checks use. Called with the caller's own token. */
interface ProfileApi {

    /** The marker answer while identity cannot answer; compared by identity, it is never a real profile. */
    ProfileResponse UNAVAILABLE = new ProfileResponse(null, null, null);

    /**
     * The caller's profile.
     *
     * @return the profile, or {@link #UNAVAILABLE} from the fallback
     * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the profile does not exist or
     *     belongs to another account
     */
    @GetExchange("/api/v1/profiles/{id}")
    ProfileResponse profile(@PathVariable UUID id);

    /** Answers for identity while it is failing, slow or behind an open circuit: "unknown", never an error. */
    final class Fallback implements ProfileApi {

        @Override
        public ProfileResponse profile(UUID id) {
            return UNAVAILABLE;
        }
    }

    /**
     * The fields of identity's profile representation the checks rely on; others are ignored.
     *
     * @param maturityCeiling a maturity label ({@code 13+})
     * @param kids whether this is a kids profile
     */
    record ProfileResponse(
            @Nullable UUID id,
            @Nullable String maturityCeiling,
            @Nullable Boolean kids) {}
}
