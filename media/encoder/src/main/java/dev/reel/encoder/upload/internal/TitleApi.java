package dev.reel.encoder.upload.internal;

import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/** The slice of the catalog's HTTP API uploads use. Called with the uploading admin's own token. */
public interface TitleApi {

    /**
     * The title, drafts included for an admin caller.
     *
     * @return the title, or {@link TitleApiFallback#UNAVAILABLE} when the catalog could not answer
     * @throws org.springframework.web.client.HttpClientErrorException.NotFound when there is no such title
     */
    @GetExchange("/api/v1/titles/{id}")
    TitleResponse title(@PathVariable UUID id);
}
