package dev.reel.playback.title.internal;

import java.util.UUID;

/** Answers for the catalog while it is failing, slow or behind an open circuit: "unknown", never an error. */
public final class TitleApiFallback implements TitleApi {

    /** The marker answer; compared by identity, it is never a real title. */
    static final TitleResponse UNAVAILABLE = new TitleResponse(null, null, null, null, null, null, null, null);

    @Override
    public TitleResponse title(UUID id) {
        return UNAVAILABLE;
    }
}
