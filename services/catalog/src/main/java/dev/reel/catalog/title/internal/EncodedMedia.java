package dev.reel.catalog.title.internal;

import dev.reel.catalog.title.TitleMedia;
import dev.reel.events.encoding.EncodingCompleted;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code title_media}: the summary of an {@link EncodingCompleted} the catalog keeps. Never leaves this
 * package; the API shape is {@link TitleMedia}.
 *
 * @param completedAt the event's {@code occurredAt}; an older completion never replaces a newer one
 * @param maxHeight the tallest video rendition's height
 */
record EncodedMedia(
        UUID titleId,
        UUID jobId,
        UUID eventId,
        Instant completedAt,
        String originVersion,
        long durationMillis,
        String ladderKind,
        int maxHeight,
        List<String> codecs,
        List<String> audioLanguages,
        List<String> subtitleLanguages) {

    EncodedMedia {
        codecs = List.copyOf(codecs);
        audioLanguages = List.copyOf(audioLanguages);
        subtitleLanguages = List.copyOf(subtitleLanguages);
    }

    /**
     * The summary of {@code event}: codec and language lists de-duplicated in their first-seen order.
     *
     * @throws IllegalArgumentException when the event cannot describe playable media (no origin version, no
     *     duration, no video rendition)
     */
    static EncodedMedia of(EncodingCompleted event) {
        if (event.originVersion().isBlank()) {
            throw new IllegalArgumentException("no origin version");
        }
        if (event.durationMillis() <= 0) {
            throw new IllegalArgumentException("duration " + event.durationMillis() + " ms");
        }
        int maxHeight = event.renditions().stream()
                .mapToInt(EncodingCompleted.Rendition::height)
                .max()
                .orElseThrow(() -> new IllegalArgumentException("no video rendition"));
        if (maxHeight <= 0) {
            throw new IllegalArgumentException("rendition height " + maxHeight);
        }
        return new EncodedMedia(
                event.titleId(),
                event.jobId(),
                event.eventId(),
                // PostgreSQL keeps microseconds: comparing stored and incoming times needs the same precision.
                event.occurredAt().truncatedTo(ChronoUnit.MICROS),
                event.originVersion(),
                event.durationMillis(),
                event.ladderKind(),
                maxHeight,
                distinct(event.codecs()),
                distinct(event.audioLanguages()),
                distinct(event.subtitleLanguages()));
    }

    /** The running time in whole minutes, rounded to the nearest minute and at least 1. */
    int runtimeMinutes() {
        return (int) Math.max(1, (durationMillis + 30_000) / 60_000);
    }

    /** The duration rounded to the nearest second. */
    long durationSeconds() {
        return (durationMillis + 500) / 1000;
    }

    TitleMedia toApi() {
        return new TitleMedia(originVersion, durationSeconds(), maxHeight, codecs, audioLanguages, subtitleLanguages);
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).distinct().toList();
    }
}
