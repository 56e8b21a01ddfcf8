package dev.reel.encoder.pack;

import dev.reel.events.encoding.EncodingCompleted;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Packager#pack} wrote, in the terms of {@link EncodingCompleted}.
 *
 * @param durationMillis the video's duration
 * @param renditions the video rungs by increasing average bandwidth; {@code bandwidth} and {@code averageBandwidth}
 *     are the values of the rung's {@code EXT-X-STREAM-INF} in {@code master.m3u8}: the video's peak (HLS peak
 *     segment bitrate) and average bitrate plus the highest of the audio tracks', as served (encrypted, in bits per
 *     second)
 * @param codecs the distinct RFC 6381 codec strings in the manifests, video first, e.g. {@code avc1.64001f}, {@code
 *     mp4a.40.2}
 * @param audioLanguages the audio tracks' ISO 639-2 languages in manifest order
 * @param subtitleLanguages the subtitle tracks' languages in manifest order
 * @param keyIdHex the 32 hex digits of the key id the media is encrypted with
 * @param segmentCount the number of segments of every video rung
 */
public record PackagedTitle(
        long durationMillis,
        List<EncodingCompleted.Rendition> renditions,
        List<String> codecs,
        List<String> audioLanguages,
        List<String> subtitleLanguages,
        String keyIdHex,
        int segmentCount) {

    public PackagedTitle {
        renditions = List.copyOf(renditions);
        codecs = List.copyOf(codecs);
        audioLanguages = List.copyOf(audioLanguages);
        subtitleLanguages = List.copyOf(subtitleLanguages);
        Objects.requireNonNull(keyIdHex, "keyIdHex");
    }
}
