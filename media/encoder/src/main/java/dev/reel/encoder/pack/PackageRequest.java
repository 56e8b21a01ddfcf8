package dev.reel.encoder.pack;

import dev.reel.keystore.ContentKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Packager#pack} packages into one title.
 *
 * @param video the video rungs, at least one, in any order (manifests list them by bitrate)
 * @param audio the audio tracks in manifest order; the first is the default
 * @param subtitles the subtitle tracks in manifest order
 * @param trickplay the trickplay thumbnails, or {@code null} for none
 * @param segment the segment duration, positive; the video files must have keyframes on its multiples
 * @param key the title's content key; the media is encrypted with it and only its key id is written out
 * @param outputDir the packaged title; replaced as a whole on success, left as it was on failure. Its parent must be
 *     writable (the title is staged in a hidden sibling and renamed into place)
 * @param workDir scratch space for clear intermediate segments (never holds the key); a subdirectory is used and
 *     removed again
 */
public record PackageRequest(
        List<VideoInput> video,
        List<AudioInput> audio,
        List<SubtitleInput> subtitles,
        @Nullable TrickplayInput trickplay,
        Duration segment,
        ContentKey key,
        Path outputDir,
        Path workDir) {

    public PackageRequest {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(workDir, "workDir");
        if (video.isEmpty()) {
            throw new IllegalArgumentException("at least one video rung is required");
        }
        if (segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException("segment must be positive: " + segment);
        }
        requireUnique(video.stream().map(VideoInput::id).toList(), "video");
        requireUnique(audio.stream().map(AudioInput::id).toList(), "audio");
        requireUnique(subtitles.stream().map(SubtitleInput::id).toList(), "subtitle");
    }

    private static void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + what + " id: " + id);
            }
        }
    }

    /** Hides the key: only its id is printed. */
    @Override
    public String toString() {
        return "PackageRequest[video=" + video + ", audio=" + audio + ", subtitles=" + subtitles + ", trickplay="
                + trickplay + ", segment=" + segment + ", key=" + key + ", outputDir=" + outputDir + ", workDir="
                + workDir + "]";
    }
}
