package dev.reel.encoder.pack.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the HLS and DASH writers need about a packaged title.
 *
 * @param video the video renditions, sorted here by increasing average bandwidth
 * @param audio the audio renditions in manifest order; the first is the default
 * @param subtitles the subtitle tracks in manifest order
 * @param protection the key id and pssh
 * @param segmentSeconds the nominal segment duration
 */
public record TitleManifest(
        List<Video> video, List<Audio> audio, List<Subtitle> subtitles, Protection protection, double segmentSeconds) {

    /** The DASH and HLS directory of video renditions. */
    public static final String VIDEO_DIR = "video";

    /** The DASH and HLS directory of audio renditions. */
    public static final String AUDIO_DIR = "audio";

    /** The directory of subtitle files and playlists. */
    public static final String SUBTITLES_DIR = "subtitles";

    public TitleManifest {
        video = video.stream()
                .sorted(Comparator.comparingLong(Video::averageBandwidth).thenComparingLong(Video::peakBandwidth))
                .toList();
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
        Objects.requireNonNull(protection, "protection");
        if (video.isEmpty()) {
            throw new IllegalArgumentException("a title needs video");
        }
    }

    /**
     * A video rendition.
     *
     * @param peakBandwidth the video's own peak segment bit rate
     * @param averageBandwidth the video's own average bit rate
     */
    public record Video(PackagedTrack track, FrameRate frameRate, long peakBandwidth, long averageBandwidth) {}

    /** An audio rendition; {@code name} is unique among the title's audio renditions. */
    public record Audio(
            PackagedTrack track,
            String language,
            String name,
            int channels,
            long peakBandwidth,
            long averageBandwidth) {}

    /**
     * A WebVTT subtitle track; {@code name} is unique among the title's subtitle tracks.
     *
     * @param id the track id; its files are {@code subtitles/<id>.vtt} and {@code subtitles/<id>.m3u8}
     */
    public record Subtitle(String id, String language, String name) {

        public String vttPath() {
            return SUBTITLES_DIR + "/" + id + ".vtt";
        }

        public String playlistPath() {
            return SUBTITLES_DIR + "/" + id + ".m3u8";
        }
    }

    /** The title's duration: the longest video rendition's. */
    public double durationSeconds() {
        double longest = 0;
        for (Video rendition : video) {
            longest = Math.max(longest, rendition.track().durationSeconds());
        }
        return longest;
    }

    /** A variant's {@code BANDWIDTH}: the video's peak plus the highest audio peak. */
    public long variantBandwidth(Video rendition) {
        long audioPeak = 0;
        for (Audio track : audio) {
            audioPeak = Math.max(audioPeak, track.peakBandwidth());
        }
        return rendition.peakBandwidth() + audioPeak;
    }

    /** A variant's {@code AVERAGE-BANDWIDTH}: the video's average plus the highest audio average. */
    public long variantAverageBandwidth(Video rendition) {
        long audioAverage = 0;
        for (Audio track : audio) {
            audioAverage = Math.max(audioAverage, track.averageBandwidth());
        }
        return rendition.averageBandwidth() + audioAverage;
    }

    /** A variant's codecs: the video's, then each distinct audio codec. */
    public List<String> variantCodecs(Video rendition) {
        Set<String> codecs = new LinkedHashSet<>();
        codecs.add(rendition.track().info().codec());
        for (Audio track : audio) {
            codecs.add(track.track().info().codec());
        }
        return List.copyOf(codecs);
    }

    /** Every distinct codec of the title, video first. */
    public List<String> codecs() {
        Set<String> codecs = new LinkedHashSet<>();
        for (Video rendition : video) {
            codecs.add(rendition.track().info().codec());
        }
        for (Audio track : audio) {
            codecs.add(track.track().info().codec());
        }
        return List.copyOf(codecs);
    }

    /**
     * {@code names} made unique, as HLS requires within a rendition group: a repeated name gets {@code (2)}, {@code
     * (3)}... appended.
     */
    public static List<String> uniqueNames(List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> taken = new LinkedHashSet<>(names);
        List<String> unique = new ArrayList<>(names.size());
        for (String name : names) {
            int count = seen.merge(name, 1, Integer::sum);
            if (count == 1) {
                unique.add(name);
                continue;
            }
            String candidate = name + " (" + count + ")";
            while (taken.contains(candidate)) {
                count++;
                candidate = name + " (" + count + ")";
            }
            seen.put(name, count);
            taken.add(candidate);
            unique.add(candidate);
        }
        return unique;
    }
}
