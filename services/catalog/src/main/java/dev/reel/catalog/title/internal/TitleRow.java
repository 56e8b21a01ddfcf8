package dev.reel.catalog.title.internal;

import dev.reel.catalog.title.TitleState;
import dev.reel.catalog.title.TitleType;
import dev.reel.events.Maturity;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code titles}; never leaves this package. */
record TitleRow(
        UUID id,
        TitleType type,
        String name,
        String synopsis,
        int year,
        @Nullable Integer runtimeMinutes,
        Maturity maturity,
        TitleState state,
        boolean playable,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt,
        long version) {

    TitleRow withContent(ValidTitle content, Instant now) {
        return new TitleRow(
                id,
                content.type(),
                content.name(),
                content.synopsis(),
                content.year(),
                content.runtimeMinutes(),
                content.maturity(),
                state,
                playable,
                createdAt,
                now,
                publishedAt,
                version + 1);
    }

    TitleRow published(Instant now) {
        return withState(TitleState.PUBLISHED, now, now);
    }

    TitleRow unpublished(Instant now) {
        return withState(TitleState.DRAFT, null, now);
    }

    TitleRow touched(Instant now) {
        return withState(state, publishedAt, now);
    }

    /** Playable with new media, as a new version changed at {@code now}; {@code runtime} replaces the runtime. */
    TitleRow withMedia(@Nullable Integer runtime, Instant now) {
        return new TitleRow(
                id,
                type,
                name,
                synopsis,
                year,
                runtime,
                maturity,
                state,
                true,
                createdAt,
                now,
                publishedAt,
                version + 1);
    }

    /** The same content in {@code newState}, as a new version changed at {@code now}. */
    private TitleRow withState(TitleState newState, @Nullable Instant newPublishedAt, Instant now) {
        return new TitleRow(
                id,
                type,
                name,
                synopsis,
                year,
                runtimeMinutes,
                maturity,
                newState,
                playable,
                createdAt,
                now,
                newPublishedAt,
                version + 1);
    }
}
