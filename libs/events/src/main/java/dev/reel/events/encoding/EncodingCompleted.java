package dev.reel.events.encoding;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A title's media is published to the origin and can be played. Published on {@link
 * dev.reel.events.Topics#ENCODING_JOBS}, keyed by title.
 *
 * @param originVersion the origin version that holds the packaged title; playback hands out URLs of this version
 * @param durationMillis the media's duration
 * @param ladderKind {@code PER_TITLE} or {@code FIXED}
 * @param renditions the video rungs, by increasing bitrate
 * @param codecs the RFC 6381 codec strings in the manifests, e.g. {@code avc1.64001f} and {@code mp4a.40.2}
 * @param audioLanguages the audio tracks' languages (ISO 639-2, {@code und} when unknown), in manifest order
 * @param subtitleLanguages the subtitle tracks' languages, in manifest order
 * @param keyId the hex CENC key id the media is encrypted with; the key itself is only in the key store
 */
public record EncodingCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID jobId,
        UUID titleId,
        String originVersion,
        long durationMillis,
        String ladderKind,
        List<Rendition> renditions,
        List<String> codecs,
        List<String> audioLanguages,
        List<String> subtitleLanguages,
        String keyId)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    public EncodingCompleted {
        renditions = List.copyOf(renditions);
        codecs = List.copyOf(codecs);
        audioLanguages = List.copyOf(audioLanguages);
        subtitleLanguages = List.copyOf(subtitleLanguages);
    }

    /**
     * One video rung as published.
     *
     * @param id the rendition's directory in the origin, e.g. {@code v1080p}
     * @param codec the RFC 6381 codec string
     * @param bandwidth the peak bitrate in bits per second (HLS {@code BANDWIDTH})
     * @param averageBandwidth the average bitrate in bits per second
     */
    public record Rendition(String id, int width, int height, String codec, long bandwidth, long averageBandwidth) {}

    @Override
    public String key() {
        return titleId.toString();
    }
}
