package dev.reel.cmaf.cenc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackInfo;
import dev.reel.cmaf.TrackKind;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.PayloadWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypts CMAF written by ffmpeg and has ffmpeg decrypt it again.
 *
 * <p>ffmpeg 5.1's mov demuxer looks up a packet's encryption info in the most recently parsed
 * {@code moof}. On a seekable file it parses moofs ahead while reading the header (every one before
 * the last segment's {@code sidx}, or all of them without {@code sidx}), so from the second
 * fragment on it would use the wrong fragment's IVs. {@code -fflags +ignidx} makes it stop after
 * the first {@code mdat} and parse each moof just in time, as it does when reading from a pipe.
 * Clear and encrypted files are read the same way.
 */
class CencIT {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KID = HEX.parseHex("a7e61c373e219033c21091fa607bf3b8");
    private static final byte[] KEY = HEX.parseHex("76a6c65c5ea762046bd749a2e632ccbb");
    private static final String WRONG_KEY = "76a6c65c5ea762046bd749a2e632ccbc";
    private static final byte[] COMMON_SYSTEM_ID = HEX.parseHex("1077efecc0b24d02ace33c1e52e2fb4b");

    @TempDir
    Path dir;

    private Ffmpeg ffmpeg;

    @BeforeAll
    static void ffmpegIsInstalled() {
        Ffmpeg.requireOnPath();
    }

    @BeforeEach
    void setUp() {
        ffmpeg = new Ffmpeg(dir);
    }

    @Test
    void dashRepresentationsDecryptWithTheKeyAndOnlyWithIt() throws Exception {
        long start = System.nanoTime();
        Path out = Files.createDirectories(dir.resolve("dash"));
        List<String> command = source();
        command.addAll(List.of(
                "-f",
                "dash",
                "-seg_duration",
                "2",
                "-dash_segment_type",
                "mp4",
                "-hls_playlist",
                "1",
                "-use_template",
                "1",
                "-use_timeline",
                "0",
                "-init_seg_name",
                "init-$RepresentationID$.m4s",
                "-media_seg_name",
                "chunk-$RepresentationID$-$Number%05d$.m4s",
                out.resolve("manifest.mpd").toString()));
        ffmpeg.check(command);
        long packaged = System.nanoTime();

        CencEncryptor encryptor = CencEncryptor.builder().keyId(KID).key(KEY).build();
        Track video = encryptTrack(encryptor, out, "0");
        Track audio = encryptTrack(encryptor, out, "1");
        assertThat(video.segments()).as("4 s in 2 s segments").isGreaterThanOrEqualTo(2);
        assertThat(audio.segments()).isGreaterThanOrEqualTo(2);
        long encrypted = System.nanoTime();

        for (Track track : List.of(video, audio)) {
            assertDecryptsExactly(track);
            assertUnreadableWithout(track);
            assertProbeShowsProtection(track);
        }
        System.out.printf(
                "CencIT dash: package %d ms, encrypt %d ms, verify %d ms%n",
                (packaged - start) / 1_000_000,
                (encrypted - packaged) / 1_000_000,
                (System.nanoTime() - encrypted) / 1_000_000);
    }

    @Test
    void muxedHlsWithSixteenByteIvsDecrypts() throws Exception {
        long start = System.nanoTime();
        Path out = Files.createDirectories(dir.resolve("hls"));
        List<String> command = source();
        command.addAll(List.of(
                "-f",
                "hls",
                "-hls_segment_type",
                "fmp4",
                "-hls_time",
                "2",
                "-hls_playlist_type",
                "vod",
                "-hls_fmp4_init_filename",
                "init.mp4",
                "-hls_segment_filename",
                out.resolve("seg%d.m4s").toString(),
                out.resolve("index.m3u8").toString()));
        ffmpeg.check(command);

        CencEncryptor encryptor =
                CencEncryptor.builder().keyId(KID).key(KEY).ivSize(16).build();
        byte[] clearInit = Files.readAllBytes(out.resolve("init.mp4"));
        byte[] protectedInit = encryptor.encryptInit(clearInit);
        InitSegment init = InitSegment.parse(protectedInit);
        assertThat(init.tracks()).extracting(TrackInfo::kind).containsExactly(TrackKind.VIDEO, TrackKind.AUDIO);
        ByteArrayOutputStream clear = new ByteArrayOutputStream();
        ByteArrayOutputStream enc = new ByteArrayOutputStream();
        clear.write(clearInit);
        enc.write(protectedInit);
        List<Path> segments = segments(out, "seg");
        for (Path segment : segments) {
            byte[] bytes = Files.readAllBytes(segment);
            clear.write(bytes);
            enc.write(encryptor.encryptSegment(bytes, init));
        }
        Track track =
                new Track("muxed", write("muxed-clear.mp4", clear), write("muxed-enc.mp4", enc), segments.size(), null);

        assertDecryptsExactly(track);
        assertUnreadableWithout(track);
        String trace = ffmpeg.check(Ffmpeg.cmd(
                        "ffprobe", "-v", "trace", "-i", track.encrypted().toString()))
                .stderr();
        assertThat(trace).contains("4CC=encv", "4CC=enca");
        System.out.printf("CencIT hls: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /** A 4 s 320x180 H.264 + mono AAC clip from lavfi sources, 2 s GOPs. */
    private static List<String> source() {
        return Ffmpeg.cmd(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=25:duration=4",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=4",
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-g",
                "50",
                "-keyint_min",
                "50",
                "-sc_threshold",
                "0",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-threads",
                "1");
    }

    /**
     * @param firstSegment the first media segment after encryption, for the side-data check; null to skip it
     */
    private record Track(String name, Path clear, Path encrypted, int segments, byte @Nullable [] firstSegment) {}

    private Track encryptTrack(CencEncryptor encryptor, Path out, String representation) throws IOException {
        byte[] clearInit = Files.readAllBytes(out.resolve("init-" + representation + ".m4s"));
        byte[] protectedInit = encryptor.encryptInit(clearInit);
        InitSegment init = InitSegment.parse(protectedInit);
        ByteArrayOutputStream clear = new ByteArrayOutputStream();
        ByteArrayOutputStream enc = new ByteArrayOutputStream();
        clear.write(clearInit);
        enc.write(protectedInit);
        byte @Nullable [] first = null;
        List<Path> segments = segments(out, "chunk-" + representation + "-");
        for (Path segment : segments) {
            byte[] bytes = Files.readAllBytes(segment);
            byte[] encrypted = encryptor.encryptSegment(bytes, init);
            assertThat(encrypted).isNotEqualTo(bytes);
            first = first == null ? encrypted : first;
            clear.write(bytes);
            enc.write(encrypted);
        }
        String kind = init.tracks().getFirst().kind().name().toLowerCase(Locale.ROOT);
        return new Track(
                kind, write(kind + "-clear.mp4", clear), write(kind + "-enc.mp4", enc), segments.size(), first);
    }

    private void assertDecryptsExactly(Track track) throws Exception {
        String clearFrames = frames(track.clear(), null, false);
        String decryptedFrames = frames(track.encrypted(), HEX.formatHex(KEY), false);
        assertThat(clearFrames.lines().filter(l -> !l.startsWith("#")).count())
                .as(track.name() + " decoded frames")
                .isGreaterThan(90);
        assertThat(decryptedFrames)
                .as(track.name() + " decoded frames after decryption")
                .isEqualTo(clearFrames);
        // Compressed packets too, minus the side-data column (the decrypted stream carries the pssh).
        assertThat(withoutSideData(frames(track.encrypted(), HEX.formatHex(KEY), true)))
                .as(track.name() + " packets after decryption")
                .isEqualTo(withoutSideData(frames(track.clear(), null, true)));
    }

    private void assertUnreadableWithout(Track track) throws Exception {
        String clearFrames = frames(track.clear(), null, false);
        for (@Nullable String key : Arrays.asList(null, WRONG_KEY)) {
            Ffmpeg.Result result = ffmpeg.run(framemd5(track.encrypted(), key, false));
            assertThat(result.exitCode() != 0 || !result.stdout().equals(clearFrames))
                    .as(track.name() + (key == null ? " without a key" : " with a wrong key") + " must not decode")
                    .isTrue();
        }
    }

    /** ffprobe sees the protected sample entry, and ffmpeg reports our KID from tenc and pssh. */
    private void assertProbeShowsProtection(Track track) throws Exception {
        String trace = ffmpeg.check(Ffmpeg.cmd(
                        "ffprobe", "-v", "trace", "-i", track.encrypted().toString()))
                .stderr();
        boolean isVideo = track.name().equals("video");
        assertThat(trace)
                .contains(isVideo ? "4CC=encv" : "4CC=enca")
                .contains("type:'frma' parent:'sinf'", "type:'schm' parent:'sinf'", "type:'tenc' parent:'schi'")
                .contains("type:'pssh' parent:'moov'", "type:'senc' parent:'traf'");

        // Without a key, ffmpeg attaches what it parsed to the first packet: the pssh as
        // AVEncryptionInitInfo and the sample's AVEncryptionInfo, whose key ID is tenc's default KID.
        List<String> command = framemd5(track.encrypted(), null, true);
        command.addAll(command.size() - 3, List.of("-frames", "1"));
        String line = ffmpeg.check(command)
                .stdout()
                .lines()
                .filter(l -> !l.startsWith("#"))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains(", S=2,");
        assertThat(line).contains(md5(expectedInitInfo()));
        assertThat(track.firstSegment()).isNotNull();
        assertThat(line).contains(md5(expectedSampleInfo(track.firstSegment())));
    }

    /** libavutil's serialisation of one AVEncryptionInitInfo: the common system ID and our KID. */
    private static byte[] expectedInitInfo() {
        return new PayloadWriter()
                .u32(1)
                .u32(16)
                .u32(1)
                .u32(16)
                .u32(0)
                .bytes(COMMON_SYSTEM_ID)
                .bytes(KID)
                .toByteArray();
    }

    /** libavutil's serialisation of the first sample's AVEncryptionInfo, from its senc entry. */
    private static byte[] expectedSampleInfo(byte[] segment) {
        ContainerBox moof = (ContainerBox) Boxes.first(Boxes.parse(segment), "moof");
        ContainerBox traf = moof.container("traf");
        PayloadReader senc = PayloadReader.of((LeafBox) traf.child("senc"));
        boolean subsamples = (senc.u8() << 24 | senc.u24()) == ProtectionBoxes.SENC_USE_SUBSAMPLES;
        senc.u32();
        byte[] iv = Arrays.copyOf(senc.bytes(8), 16);
        PayloadWriter entries = new PayloadWriter();
        int count = 0;
        if (subsamples) {
            count = senc.u16();
            for (int i = 0; i < count; i++) {
                entries.u32(senc.u16()).u32(senc.u32());
            }
        }
        return new PayloadWriter()
                .fourCc("cenc")
                .u32(0)
                .u32(0)
                .u32(16)
                .u32(16)
                .u32(count)
                .bytes(KID)
                .bytes(iv)
                .bytes(entries.toByteArray())
                .toByteArray();
    }

    private String frames(Path file, @Nullable String key, boolean packets) throws Exception {
        return ffmpeg.check(framemd5(file, key, packets)).stdout();
    }

    private static List<String> framemd5(Path file, @Nullable String key, boolean packets) {
        List<String> command = Ffmpeg.cmd("ffmpeg", "-nostdin", "-v", "error", "-threads", "1", "-fflags", "+ignidx");
        if (key != null) {
            command.addAll(List.of("-decryption_key", key));
        }
        command.addAll(List.of("-i", file.toString(), "-map", "0"));
        if (packets) {
            command.addAll(List.of("-c", "copy"));
        }
        command.addAll(List.of("-f", "framemd5", "-"));
        return command;
    }

    private static String withoutSideData(String framemd5) {
        return framemd5.replaceAll(", S=.*", "");
    }

    private static String md5(byte[] bytes) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private Path write(String name, ByteArrayOutputStream bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static List<Path> segments(Path out, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".m4s"))
                    .sorted(Comparator.comparing(
                                    (Path p) -> p.getFileName().toString().length())
                            .thenComparing(Path::getFileName))
                    .toList();
        }
    }
}
