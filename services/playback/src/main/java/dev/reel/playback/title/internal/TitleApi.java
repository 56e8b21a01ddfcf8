package dev.reel.playback.title.internal;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The slice of the catalog's HTTP API playback uses. Called with the caller's token and without {@code X-Profile-Id},
 * so the catalog applies no profile ceiling (playback checks maturity itself and says so with a 403).
 */
public interface TitleApi {

    /**
     * A title's details.
     *
     * @return the title, or {@link TitleApiFallback#UNAVAILABLE} when the catalog could not answer
     * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the title does not exist or the
     *     caller may not see it
     */
    @GetExchange("/api/v1/titles/{id}")
    TitleResponse title(@PathVariable UUID id);
}
