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
                createdAt,
                now,
                publishedAt,
                version + 1);
    }

    TitleRow published(Instant now) {
        return new TitleRow(
                id,
                type,
                name,
                synopsis,
                year,
                runtimeMinutes,
                maturity,
                TitleState.PUBLISHED,
                createdAt,
                now,
                now,
                version + 1);
    }

    TitleRow unpublished(Instant now) {
        return new TitleRow(
                id,
                type,
                name,
                synopsis,
                year,
                runtimeMinutes,
                maturity,
                TitleState.DRAFT,
                createdAt,
                now,
                null,
                version + 1);
    }

    TitleRow touched(Instant now) {
        return new TitleRow(
                id,
                type,
                name,
                synopsis,
                year,
                runtimeMinutes,
                maturity,
                state,
                createdAt,
                now,
                publishedAt,
                version + 1);
    }
}
