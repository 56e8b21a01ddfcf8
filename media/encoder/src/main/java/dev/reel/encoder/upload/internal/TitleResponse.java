package dev.reel.encoder.upload.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The one field of the catalog's title representation uploads rely on; the rest is ignored. */
public record TitleResponse(@Nullable UUID id) {}
