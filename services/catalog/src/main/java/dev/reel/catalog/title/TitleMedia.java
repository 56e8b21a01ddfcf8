package dev.reel.catalog.title;

import java.util.List;

/**
 * A title's encoded media as the encoder last reported it ({@code EncodingCompleted}): what playback can hand out.
 *
 * @param originVersion the origin version holding the packaged title
 * @param durationSeconds the media's duration, rounded to the nearest second
 * @param maxHeight the height in pixels of the tallest video rendition
 * @param codecs the RFC 6381 codec strings of the manifests ({@code avc1.64001f}, {@code mp4a.40.2})
 * @param audioLanguages audio track languages (ISO 639-2), in manifest order
 * @param subtitleLanguages subtitle track languages, in manifest order
 */
public record TitleMedia(
        String originVersion,
        long durationSeconds,
        int maxHeight,
        List<String> codecs,
        List<String> audioLanguages,
        List<String> subtitleLanguages) {

    public TitleMedia {
        codecs = List.copyOf(codecs);
        audioLanguages = List.copyOf(audioLanguages);
        subtitleLanguages = List.copyOf(subtitleLanguages);
    }
}
