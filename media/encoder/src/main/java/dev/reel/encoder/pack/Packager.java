package dev.reel.encoder.pack;

import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackKind;
import dev.reel.cmaf.cenc.CencEncryptor;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.pack.internal.Alignment;
import dev.reel.encoder.pack.internal.DashManifest;
import dev.reel.encoder.pack.internal.FragmentScanner;
import dev.reel.encoder.pack.internal.FrameRate;
import dev.reel.encoder.pack.internal.HlsPlaylists;
import dev.reel.encoder.pack.internal.InitInfo;
import dev.reel.encoder.pack.internal.Languages;
import dev.reel.encoder.pack.internal.MediaSegment;
import dev.reel.encoder.pack.internal.PackagedTrack;
import dev.reel.encoder.pack.internal.Protection;
import dev.reel.encoder.pack.internal.SegmentTiming;
import dev.reel.encoder.pack.internal.Segmenter;
import dev.reel.encoder.pack.internal.TitleManifest;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.keystore.ContentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages a title's encoded renditions for streaming: CMAF segments encrypted with CENC 'cenc', HLS and DASH
 * manifests over the same segment files, WebVTT subtitles and trickplay thumbnails.
 *
 * <p>Every video and audio file is cut into fragments of the request's segment duration with ffmpeg stream copy (no
 * re-encoding; video is cut at the keyframes the encoder forced on every segment boundary). The video rungs must come
 * out with the same number of segments starting at the same times, or packaging fails with {@link
 * PackagingException}: a player switches rungs only at segment boundaries. Every init and media segment of every
 * video and audio rendition is then encrypted with the title's one content key ({@link CencEncryptor}: {@code tenc}
 * with the key id and a W3C common {@code pssh} in the init segments, {@code senc}/{@code saiz}/{@code saio} in each
 * fragment). The manifests carry the key id, never the key: HLS as ClearKey {@code EXT-X-KEY} ({@code
 * METHOD=SAMPLE-AES-CTR}, {@code KEYFORMAT="org.w3.clearkey"}), DASH as {@code ContentProtection} with {@code
 * cenc:default_KID}. Codec strings come from each init segment's {@code avcC}/{@code esds}; bandwidths are measured on
 * the encrypted segments as served.
 *
 * <p>Layout under {@link PackageRequest#outputDir()}: {@code master.m3u8}, {@code manifest.mpd}, {@code
 * video/<id>/{init.mp4, seg-00001.m4s..., index.m3u8}}, {@code audio/<id>/...} likewise, {@code subtitles/<id>.vtt} and
 * {@code subtitles/<id>.m3u8}, {@code trickplay/{thumbnails.vtt, sprite-0001.jpg...}}.
 *
 * <p>The title is written into a hidden sibling of the output directory and renamed into place only when complete,
 * replacing what was there; a failed or killed run leaves the previous output untouched (or, if killed between the two
 * renames, absent) and a re-run produces the complete title. Clear intermediate segments live in a subdirectory of
 * {@link PackageRequest#workDir()} that is removed afterwards. Thread-safe: concurrent calls must use different output
 * directories.
 */
public final class Packager {

    /** The HLS multivariant playlist. */
    public static final String MASTER_PLAYLIST = "master.m3u8";

    /** The DASH manifest. */
    public static final String DASH_MANIFEST = "manifest.mpd";

    /** The trickplay directory. */
    public static final String TRICKPLAY_DIR = "trickplay";

    private static final Logger log = LoggerFactory.getLogger(Packager.class);

    private final Segmenter segmenter;

    public Packager(FfmpegRunner runner) {
        this.segmenter = new Segmenter(Objects.requireNonNull(runner, "runner"));
    }

    /**
     * Packages {@code request} into its output directory, replacing whatever was there.
     *
     * @throws PackagingException if the video rungs are not segment-aligned, an input file is missing, or an input is
     *     not what it should be (no H.264 video, no AAC audio, malformed fragments); the message names the rendition
     * @throws dev.reel.encoder.ffmpeg.FfmpegException if ffmpeg fails; its message ends with ffmpeg's stderr
     * @throws UncheckedIOException if files cannot be read or written
     */
    public PackagedTitle pack(PackageRequest request) {
        long started = System.nanoTime();
        requireInputs(request);
        Path output = request.outputDir().toAbsolutePath().normalize();
        Path work = request.workDir().toAbsolutePath().normalize().resolve("pack-" + UUID.randomUUID());
        Path staging = FileTrees.stagingFor(output);
        try {
            Path parent = Objects.requireNonNull(output.getParent(), "outputDir must have a parent");
            Files.createDirectories(parent);
            FileTrees.removeStale(output);
            Files.createDirectories(staging);
            Files.createDirectories(work);

            ContentKey key = request.key();
            CencEncryptor encryptor =
                    CencEncryptor.builder().keyId(key.keyId()).key(key.key()).build();
            double segmentSeconds = request.segment().toNanos() / 1e9;

            List<TitleManifest.Video> video = new ArrayList<>();
            List<PackagedTrack> videoTracks = new ArrayList<>();
            @Nullable Protection firstProtection = null;
            for (VideoInput input : request.video()) {
                Packed packed = packTrack(
                        encryptor,
                        input.id(),
                        TitleManifest.VIDEO_DIR,
                        input.file(),
                        "v:0",
                        TrackKind.VIDEO,
                        request.segment(),
                        false,
                        staging,
                        work);
                if (firstProtection == null) {
                    firstProtection = Protection.fromProtectedInit(key.keyId(), packed.protectedInit());
                }
                PackagedTrack track = packed.track();
                videoTracks.add(track);
                video.add(new TitleManifest.Video(
                        track,
                        FrameRate.of(track.timescale(), packed.firstSampleDuration()),
                        track.peakBandwidth(segmentSeconds),
                        track.averageBandwidth()));
            }
            Alignment.check(videoTracks);
            Protection protection = Objects.requireNonNull(firstProtection);
            Duration videoDuration =
                    Duration.ofNanos(Math.round(videoTracks.getFirst().durationSeconds() * 1e9));

            List<TitleManifest.Audio> audio = new ArrayList<>();
            List<String> audioNames = TitleManifest.uniqueNames(
                    request.audio().stream().map(AudioInput::name).toList());
            for (int i = 0; i < request.audio().size(); i++) {
                AudioInput input = request.audio().get(i);
                PackagedTrack track = packTrack(
                                encryptor,
                                input.id(),
                                TitleManifest.AUDIO_DIR,
                                input.file(),
                                "a:0",
                                TrackKind.AUDIO,
                                request.segment(),
                                true,
                                staging,
                                work)
                        .track();
                int channels = track.info().channels() > 0 ? track.info().channels() : input.channels();
                audio.add(new TitleManifest.Audio(
                        track,
                        Languages.normalise(input.language()),
                        audioNames.get(i),
                        channels,
                        track.peakBandwidth(segmentSeconds),
                        track.averageBandwidth()));
            }

            List<TitleManifest.Subtitle> subtitles = new ArrayList<>();
            List<String> subtitleNames = TitleManifest.uniqueNames(
                    request.subtitles().stream().map(SubtitleInput::name).toList());
            for (int i = 0; i < request.subtitles().size(); i++) {
                SubtitleInput input = request.subtitles().get(i);
                subtitles.add(new TitleManifest.Subtitle(
                        input.id(), Languages.normalise(input.language()), subtitleNames.get(i)));
            }

            TitleManifest title = new TitleManifest(video, audio, subtitles, protection, segmentSeconds);
            for (TitleManifest.Subtitle track : title.subtitles()) {
                SubtitleInput input = request.subtitles().stream()
                        .filter(s -> s.id().equals(track.id()))
                        .findFirst()
                        .orElseThrow();
                Path vtt = staging.resolve(track.vttPath());
                Files.createDirectories(vtt.getParent());
                Files.copy(input.vtt(), vtt);
                Files.writeString(
                        staging.resolve(track.playlistPath()),
                        HlsPlaylists.subtitles(track.id() + ".vtt", title.durationSeconds()));
            }
            TrickplayInput trickplay = request.trickplay();
            if (trickplay != null) {
                copyTrickplay(trickplay, staging.resolve(TRICKPLAY_DIR));
            }
            for (TitleManifest.Video rendition : title.video()) {
                writePlaylist(staging, rendition.track(), protection);
            }
            for (TitleManifest.Audio track : title.audio()) {
                writePlaylist(staging, track.track(), protection);
            }
            Files.writeString(staging.resolve(MASTER_PLAYLIST), HlsPlaylists.multivariant(title));
            Files.writeString(staging.resolve(DASH_MANIFEST), DashManifest.write(title));

            FileTrees.replaceDirectory(staging, output);
            PackagedTitle result = result(title, protection);
            log.info(
                    "Packaged {} video, {} audio and {} subtitle renditions ({} segments of {} s) into {} in {} ms",
                    title.video().size(),
                    title.audio().size(),
                    title.subtitles().size(),
                    result.segmentCount(),
                    segmentSeconds,
                    output,
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Packaging into " + output + " failed: " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(staging);
            FileTrees.deleteQuietly(work);
        }
    }

    /** A packaged rendition and what the manifests need from its protected init segment and first frame. */
    private record Packed(PackagedTrack track, byte[] protectedInit, long firstSampleDuration) {}

    private Packed packTrack(
            CencEncryptor encryptor,
            String id,
            String kindDir,
            Path file,
            String stream,
            TrackKind kind,
            Duration segment,
            boolean dropTrailingSliver,
            Path staging,
            Path work)
            throws IOException {
        String directory = kindDir + "/" + id;
        String what = kind.name().toLowerCase(Locale.ROOT) + " rendition " + id;
        Segmenter.Segmented clear =
                segmenter.segment(file, stream, segment, dropTrailingSliver, work.resolve(directory));
        Path out = Files.createDirectories(staging.resolve(directory));
        try {
            byte[] clearInit = Files.readAllBytes(clear.init());
            InitInfo info = InitInfo.parse(clearInit);
            if (info.kind() != kind) {
                throw new PackagingException(what + ": " + file.getFileName() + " holds no " + kind + " track");
            }
            byte[] protectedInit = encryptor.encryptInit(clearInit);
            InitSegment tracks = InitSegment.parse(protectedInit);
            Files.write(out.resolve(PackagedTrack.INIT), protectedInit);
            FragmentScanner scanner = new FragmentScanner(info);
            List<MediaSegment> segments = new ArrayList<>(clear.segments().size());
            long firstSampleDuration = 0;
            for (Path clearSegment : clear.segments()) {
                byte[] bytes = Files.readAllBytes(clearSegment);
                SegmentTiming timing = scanner.scan(bytes);
                if (segments.isEmpty()) {
                    firstSampleDuration = timing.firstSampleDuration();
                }
                byte[] encrypted = encryptor.encryptSegment(bytes, tracks);
                String name = String.format(Locale.ROOT, "seg-%05d.m4s", segments.size() + 1);
                Files.write(out.resolve(name), encrypted);
                Files.delete(clearSegment);
                segments.add(new MediaSegment(name, timing.start(), timing.duration(), encrypted.length));
            }
            return new Packed(new PackagedTrack(id, directory, info, segments), protectedInit, firstSampleDuration);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // MalformedBoxException is an IllegalArgumentException.
            throw new PackagingException(what + " (" + file.getFileName() + "): " + e.getMessage(), e);
        }
    }

    private static void writePlaylist(Path staging, PackagedTrack track, Protection protection) throws IOException {
        Files.writeString(
                staging.resolve(track.directory()).resolve(PackagedTrack.PLAYLIST),
                HlsPlaylists.media(track, protection));
    }

    private static void copyTrickplay(TrickplayInput trickplay, Path target) throws IOException {
        Files.createDirectories(target);
        Files.copy(
                trickplay.directory().resolve(TrickplayInput.THUMBNAILS_VTT),
                target.resolve(TrickplayInput.THUMBNAILS_VTT));
        try (DirectoryStream<Path> sprites = Files.newDirectoryStream(trickplay.directory(), "sprite-*.jpg")) {
            for (Path sprite : sprites) {
                Files.copy(sprite, target.resolve(sprite.getFileName().toString()));
            }
        }
    }

    private static PackagedTitle result(TitleManifest title, Protection protection) {
        List<EncodingCompleted.Rendition> renditions = new ArrayList<>();
        for (TitleManifest.Video rendition : title.video()) {
            InitInfo info = rendition.track().info();
            renditions.add(new EncodingCompleted.Rendition(
                    rendition.track().id(),
                    info.width(),
                    info.height(),
                    info.codec(),
                    title.variantBandwidth(rendition),
                    title.variantAverageBandwidth(rendition)));
        }
        return new PackagedTitle(
                Math.round(title.durationSeconds() * 1000),
                renditions,
                title.codecs(),
                title.audio().stream().map(TitleManifest.Audio::language).toList(),
                title.subtitles().stream().map(TitleManifest.Subtitle::language).toList(),
                protection.keyIdHex(),
                title.video().getFirst().track().segments().size());
    }

    private static void requireInputs(PackageRequest request) {
        for (VideoInput input : request.video()) {
            requireFile(input.file(), "video " + input.id());
        }
        for (AudioInput input : request.audio()) {
            requireFile(input.file(), "audio " + input.id());
        }
        for (SubtitleInput input : request.subtitles()) {
            requireFile(input.vtt(), "subtitle " + input.id());
        }
        @Nullable TrickplayInput trickplay = request.trickplay();
        if (trickplay != null) {
            requireFile(trickplay.directory().resolve(TrickplayInput.THUMBNAILS_VTT), "trickplay");
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new PackagingException("The " + what + " file does not exist: " + file);
        }
    }
}
