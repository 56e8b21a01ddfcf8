package dev.reel.encoder.pack;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.pack.internal.Languages;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.SubtitleTrack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the text subtitle streams of a master (SubRip, mov_text, WebVTT, ASS/SSA and the other text formats ffmpeg
 * decodes) to WebVTT, keeping each stream's language. Bitmap subtitles (PGS, DVD, DVB) cannot become WebVTT without
 * OCR; they are skipped and logged. All streams are converted in one ffmpeg run; each file is written under a hidden
 * temporary name and renamed into place. Thread-safe.
 */
public final class SubtitleExtractor {

    /** ffmpeg decoders of text subtitles, which its WebVTT encoder can take. */
    static final Set<String> TEXT_CODECS = Set.of(
            "subrip",
            "srt",
            "mov_text",
            "webvtt",
            "ass",
            "ssa",
            "text",
            "microdvd",
            "mpl2",
            "jacosub",
            "pjs",
            "realtext",
            "sami",
            "stl",
            "subviewer",
            "subviewer1",
            "vplayer");

    private static final Logger log = LoggerFactory.getLogger(SubtitleExtractor.class);

    private final FfmpegRunner runner;

    public SubtitleExtractor(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Writes every text subtitle stream of {@code master} to {@code outDir/<id>.vtt}, where the id is {@code
     * s-<language>-<n>} and n the stream's position among the master's subtitle streams (so ids stay stable when a
     * bitmap stream is skipped).
     *
     * @param info the master's probe
     * @param outDir created if missing
     * @return the converted tracks in the master's order; empty if there are none
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails (nothing is left behind)
     * @throws UncheckedIOException if the files cannot be written
     */
    public List<SubtitleInput> extract(Path master, MediaInfo info, Path outDir) {
        Objects.requireNonNull(master, "master");
        List<SubtitleInput> tracks = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("-i", FfmpegRunner.fileArgument(master)));
        Path dir = outDir.toAbsolutePath();
        List<SubtitleTrack> streams = info.subtitleTracks();
        for (int n = 0; n < streams.size(); n++) {
            SubtitleTrack stream = streams.get(n);
            if (!TEXT_CODECS.contains(stream.codec())) {
                log.info(
                        "Skipping subtitle stream {} of {}: {} is a bitmap format, not convertible to WebVTT",
                        stream.index(),
                        master.getFileName(),
                        stream.codec());
                continue;
            }
            String language = Languages.normalise(stream.language());
            String title = stream.title();
            String name = title != null && !title.isBlank() ? title.strip() : Languages.displayName(language);
            if (stream.forced() && (title == null || title.isBlank())) {
                name += " (forced)";
            }
            String id = "s-" + Languages.idToken(language) + "-" + n;
            Path vtt = dir.resolve(id + ".vtt");
            Path temp = dir.resolve("." + id + ".vtt." + UUID.randomUUID() + ".partial");
            temps.add(temp);
            args.addAll(List.of(
                    "-map",
                    "0:" + stream.index(),
                    "-c:s",
                    "webvtt",
                    "-map_metadata",
                    "-1",
                    "-f",
                    "webvtt",
                    FfmpegRunner.fileArgument(temp)));
            tracks.add(new SubtitleInput(id, language, name, vtt));
        }
        if (tracks.isEmpty()) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
            runner.ffmpeg(args);
            for (int i = 0; i < tracks.size(); i++) {
                FileTrees.move(temps.get(i), tracks.get(i).vtt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            temps.forEach(FileTrees::deleteQuietly);
        }
        return List.copyOf(tracks);
    }
}
