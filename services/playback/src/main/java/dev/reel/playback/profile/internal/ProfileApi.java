package dev.reel.playback.profile.internal;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** The slice of identity's HTTP API playback uses. Called with the caller's own token. */
public interface ProfileApi {

    /**
     * The caller's profile.
     *
     * @return the profile, or {@link ProfileApiFallback#UNAVAILABLE} when identity could not answer
     * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the profile does not exist or
     *     belongs to another account
     */
    @GetExchange("/api/v1/profiles/{id}")
    ProfileResponse profile(@PathVariable UUID id);
}
