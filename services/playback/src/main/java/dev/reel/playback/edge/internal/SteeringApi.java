package dev.reel.playback.edge.internal;

import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/** The slice of steering's HTTP API playback uses. Called with the caller's own token. */
public interface SteeringApi {

    /**
     * The ranked edges for a client and title.
     *
     * @return the answer, or {@link SteeringApiFallback#UNAVAILABLE} when steering could not answer
     * @throws org.springframework.web.client.HttpClientErrorException when steering refuses the request (bad client
     *     address or title)
     */
    @GetExchange("/api/v1/cdn/steering")
    SteeringResponse steering(@RequestParam("title") UUID title, @RequestParam("client") String client);
}
