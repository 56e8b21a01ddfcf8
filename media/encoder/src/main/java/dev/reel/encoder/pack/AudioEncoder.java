package dev.reel.encoder.pack;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.pack.internal.Languages;
import dev.reel.encoder.probe.AudioTrack;
import dev.reel.encoder.probe.MediaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Encodes one audio track of a master, once for the whole title, into what every video rung is packaged with:
 * AAC-LC, stereo, {@value #BITRATE} bit/s, {@value #SAMPLE_RATE} Hz, in an audio-only MP4. The output is written under
 * a hidden temporary name and renamed into place, so a killed run leaves nothing that looks finished and a re-run
 * replaces it. Thread-safe.
 */
public final class AudioEncoder {

    /** The encoded bit rate in bits per second. */
    public static final long BITRATE = 128_000;

    /** The encoded sample rate. */
    public static final int SAMPLE_RATE = 48_000;

    /** The encoded channel count. */
    public static final int CHANNELS = 2;

    private final FfmpegRunner runner;

    public AudioEncoder(FfmpegRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Encodes the {@code ordinal}-th audio track of {@code master} ({@code info.audioTracks().get(ordinal)}) into
     * {@code outDir/<id>.mp4}, where the id is {@code a-<language>-<ordinal>}, e.g. {@code a-eng-0}.
     *
     * @param info the master's probe
     * @param ordinal the track's position among the master's audio tracks, from 0
     * @param outDir created if missing
     * @return the track with its language ({@code und} when the master has none), its title or the language's name,
     *     and the encoded file
     * @throws IndexOutOfBoundsException if the master has no such audio track
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails (nothing is left behind)
     * @throws UncheckedIOException if the output cannot be written
     */
    public AudioInput encode(Path master, MediaInfo info, int ordinal, Path outDir) {
        Objects.requireNonNull(master, "master");
        AudioTrack track = info.audioTracks().get(ordinal);
        String language = Languages.normalise(track.language());
        String title = track.title();
        String name = title != null && !title.isBlank() ? title.strip() : Languages.displayName(language);
        String id = "a-" + Languages.idToken(language) + "-" + ordinal;
        Path output = outDir.toAbsolutePath().resolve(id + ".mp4");
        Path temp = output.resolveSibling("." + id + ".mp4." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(output.getParent());
            runner.ffmpeg(List.of(
                    "-i",
                    FfmpegRunner.fileArgument(master),
                    "-map",
                    "0:" + track.index(),
                    "-vn",
                    "-sn",
                    "-dn",
                    "-map_metadata",
                    "-1",
                    "-c:a",
                    "aac",
                    "-profile:a",
                    "aac_low",
                    "-b:a",
                    Long.toString(BITRATE),
                    "-ar",
                    Integer.toString(SAMPLE_RATE),
                    "-ac",
                    Integer.toString(CHANNELS),
                    "-metadata:s:a:0",
                    "language=" + language,
                    "-f",
                    "mp4",
                    FfmpegRunner.fileArgument(temp)));
            FileTrees.move(temp, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
        return new AudioInput(id, language, name, CHANNELS, BITRATE, output);
    }
}
