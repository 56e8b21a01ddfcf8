package dev.reel.encoder.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.TestMasters;
import dev.reel.encoder.ffmpeg.FfmpegResult;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.RateControl;
import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProber;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.keystore.ContentKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Packages a generated 6 s 320x180 24 fps master with two audio tracks (eng, fra) and a mov_text subtitle track into
 * two aligned rungs, then checks the manifests, the segment alignment, that the key is nowhere in the output, that
 * every rendition decrypts with the key (and only with it) to the media that went in, the WebVTT subtitles and the
 * trickplay storyboard. Needs ffmpeg on PATH (or REEL_FFMPEG); fails without it.
 */
class PackagerIT {

    private static final String MPD_NS = "urn:mpeg:dash:schema:mpd:2011";
    private static final String CENC_NS = "urn:mpeg:cenc:2013";
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration SEGMENT = Duration.ofSeconds(4);
    private static final ContentKey KEY = new ContentKey(
            HEX.parseHex("a7e61c373e219033c21091fa607bf3b8"), HEX.parseHex("76a6c65c5ea762046bd749a2e632ccbb"));
    private static final String WRONG_KEY = "76a6c65c5ea762046bd749a2e632ccbc";
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9.]+),");

    @TempDir
    static Path dir;

    static FfmpegRunner runner;
    static Path master;
    static MediaInfo info;
    static List<VideoInput> video;
    static List<AudioInput> audio;
    static List<SubtitleInput> subtitles;
    static TrickplayInput trickplay;
    static Path out;
    static PackagedTitle title;

    @BeforeAll
    static void packageAGeneratedTitle() throws Exception {
        long started = System.nanoTime();
        runner = FfmpegRunner.fromEnvironment();
        master = TestMasters.generate(runner, dir.resolve("master.mp4"), 8);
        info = new MediaProber(runner).probe(master);
        assertThat(info.audioTracks()).hasSize(2);
        assertThat(info.subtitleTracks()).hasSize(1);

        Rung high = rung(320, 180);
        Rung low = rung(160, 90);
        List<String> ids = VideoInput.idsFor(List.of(high, low));
        video = List.of(
                new VideoInput(ids.get(0), high, encodeRung(high, 4, "high.mp4")),
                new VideoInput(ids.get(1), low, encodeRung(low, 4, "low.mp4")));
        AudioEncoder audioEncoder = new AudioEncoder(runner);
        Path media = Files.createDirectories(dir.resolve("media"));
        audio = List.of(audioEncoder.encode(master, info, 0, media), audioEncoder.encode(master, info, 1, media));
        subtitles = new SubtitleExtractor(runner).extract(master, info, media);
        trickplay = new TrickplayGenerator(runner).generate(master, info, dir.resolve("trickplay"));
        long prepared = System.nanoTime();

        out = dir.resolve("origin/title");
        title = new Packager(runner)
                .pack(new PackageRequest(
                        video,
                        audio,
                        subtitles,
                        trickplay,
                        SEGMENT,
                        KEY,
                        out,
                        Files.createDirectories(dir.resolve("work"))));
        System.out.printf(
                Locale.ROOT,
                "PackagerIT: inputs %d ms, pack %d ms%n",
                (prepared - started) / 1_000_000,
                (System.nanoTime() - prepared) / 1_000_000);
    }

    private static Rung rung(int width, int height) {
        return new Rung(new Resolution(width, height), RateControl.CAPPED_VBR, 200_000, 300_000, 400_000, null, null);
    }

    /**
     * A video-only High-profile rung of the master with B-frames (so fragments carry composition offsets), a fixed
     * 2 s GOP and keyframes also forced every {@code keyframeSeconds}.
     */
    private static Path encodeRung(Rung rung, int keyframeSeconds, String name) {
        Path file = dir.resolve(name);
        runner.ffmpeg(List.of(
                "-v",
                "error",
                "-i",
                FfmpegRunner.fileArgument(master),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-vf",
                "scale=" + rung.resolution().width() + ":" + rung.resolution().height(),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-profile:v",
                "high",
                "-bf",
                "2",
                "-threads",
                "1",
                "-g",
                keyframeSeconds == 4 ? "48" : "1000",
                "-sc_threshold",
                "0",
                "-force_key_frames",
                "expr:gte(t,n_forced*" + keyframeSeconds + ")",
                "-f",
                "mp4",
                FfmpegRunner.fileArgument(file)));
        return file;
    }

    @Test
    void resultDescribesTheRenditions() {
        assertThat(title.durationMillis()).isEqualTo(8000);
        assertThat(title.segmentCount()).isEqualTo(2);
        assertThat(title.keyIdHex()).isEqualTo(KEY.keyIdHex());
        assertThat(title.audioLanguages()).containsExactly("eng", "fra");
        assertThat(title.subtitleLanguages()).containsExactly("eng");
        assertThat(title.renditions())
                .extracting(EncodingCompleted.Rendition::id)
                .containsExactly("v90p", "v180p");
        assertThat(title.renditions())
                .extracting(EncodingCompleted.Rendition::width, EncodingCompleted.Rendition::height)
                .containsExactly(Tuple.tuple(160, 90), Tuple.tuple(320, 180));
        for (EncodingCompleted.Rendition rendition : title.renditions()) {
            assertThat(rendition.codec()).matches("avc1\\.[0-9a-f]{6}");
            assertThat(rendition.bandwidth()).isGreaterThanOrEqualTo(rendition.averageBandwidth());
            assertThat(rendition.averageBandwidth()).isGreaterThan(AudioEncoder.BITRATE / 2);
        }
        assertThat(title.codecs()).contains("mp4a.40.2");
        assertThat(audio).extracting(AudioInput::id).containsExactly("a-eng-0", "a-fra-1");
        assertThat(audio).extracting(AudioInput::name).containsExactly("English", "French");
        assertThat(subtitles).extracting(SubtitleInput::id).containsExactly("s-eng-0");
    }

    @Test
    void multivariantPlaylistAdvertisesEveryRenditionWithItsCodecs() throws Exception {
        String playlist = Files.readString(out.resolve("master.m3u8"));
        for (EncodingCompleted.Rendition rendition : title.renditions()) {
            VideoInput input = video.stream()
                    .filter(v -> v.id().equals(rendition.id()))
                    .findFirst()
                    .orElseThrow();
            String expectedCodec = "avc1." + avcProfileAndLevel(input.file());
            assertThat(rendition.codec()).isEqualTo(expectedCodec);
            assertThat(playlist)
                    .contains("#EXT-X-STREAM-INF:BANDWIDTH=" + rendition.bandwidth() + ",AVERAGE-BANDWIDTH="
                            + rendition.averageBandwidth() + ",CODECS=\"" + expectedCodec + ",mp4a.40.2\",RESOLUTION="
                            + rendition.width() + "x" + rendition.height() + ",FRAME-RATE=24.000,AUDIO=\"audio\","
                            + "SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE\nvideo/" + rendition.id() + "/index.m3u8\n");
        }
        assertThat(playlist)
                .contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"eng\",NAME=\"English\",DEFAULT=YES")
                .contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"fra\",NAME=\"French\",DEFAULT=NO")
                .contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"eng\",NAME=\"English\"")
                .contains("URI=\"subtitles/s-eng-0.m3u8\"");
        assertThat(Files.readString(out.resolve("subtitles/s-eng-0.m3u8"))).contains("\ns-eng-0.vtt\n");

        String media = Files.readString(out.resolve("video/v180p/index.m3u8"));
        assertThat(media)
                .contains("#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI=\"data:text/plain;base64,"
                        + Base64.getEncoder().encodeToString(KEY.keyId()) + "\",KEYID=0x" + KEY.keyIdHex()
                        + ",KEYFORMAT=\"org.w3.clearkey\",KEYFORMATVERSIONS=\"1\"\n#EXT-X-MAP:URI=\"init.mp4\"\n")
                .endsWith("#EXT-X-ENDLIST\n");
    }

    @Test
    void everyRungHasTheSameSegmentsAndTheDashManifestListsThem() throws Exception {
        List<String> reference = extinf(out.resolve("video/v180p/index.m3u8"));
        assertThat(reference).containsExactly("4.000000", "4.000000");
        assertThat(extinf(out.resolve("video/v90p/index.m3u8"))).isEqualTo(reference);
        for (VideoInput input : video) {
            assertThat(out.resolve("video/" + input.id() + "/seg-00002.m4s")).isNotEmptyFile();
            assertThat(out.resolve("video/" + input.id() + "/seg-00003.m4s")).doesNotExist();
        }
        for (AudioInput input : audio) {
            List<String> durations = extinf(out.resolve("audio/" + input.id() + "/index.m3u8"));
            // As many segments as the video: the few milliseconds of AAC past the picture make no extra sliver.
            assertThat(durations).hasSize(2);
            assertThat(Double.parseDouble(durations.getFirst())).isBetween(3.99, 4.05);
        }

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document mpd =
                factory.newDocumentBuilder().parse(out.resolve("manifest.mpd").toFile());
        Element root = mpd.getDocumentElement();
        assertThat(root.getAttribute("mediaPresentationDuration")).isEqualTo("PT8.000S");
        List<Element> sets = elements(root, MPD_NS, "AdaptationSet");
        assertThat(sets)
                .extracting(s -> s.getAttribute("contentType"))
                .containsExactly("video", "audio", "audio", "text");
        assertThat(sets).extracting(s -> s.getAttribute("lang")).containsExactly("", "eng", "fra", "eng");
        List<Element> representations = elements(sets.getFirst(), MPD_NS, "Representation");
        assertThat(representations).extracting(r -> r.getAttribute("id")).containsExactly("v90p", "v180p");
        for (Element representation : representations) {
            int segments = 0;
            for (Element s : elements(representation, MPD_NS, "S")) {
                segments += 1 + (s.hasAttribute("r") ? Integer.parseInt(s.getAttribute("r")) : 0);
            }
            assertThat(segments).isEqualTo(title.segmentCount());
            EncodingCompleted.Rendition rendition = title.renditions().stream()
                    .filter(r -> r.id().equals(representation.getAttribute("id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(representation.getAttribute("codecs")).isEqualTo(rendition.codec());
            assertThat(representation.getAttribute("width")).isEqualTo(Integer.toString(rendition.width()));
        }
        for (Element set : sets.subList(0, 3)) {
            Element cenc = elements(set, MPD_NS, "ContentProtection").getFirst();
            assertThat(cenc.getAttribute("schemeIdUri")).isEqualTo("urn:mpeg:dash:mp4protection:2011");
            assertThat(cenc.getAttributeNS(CENC_NS, "default_KID").replace("-", ""))
                    .isEqualTo(KEY.keyIdHex());
        }
        assertThat(sets.get(3).getAttribute("mimeType")).isEqualTo("text/vtt");
    }

    @Test
    void theKeyIsNowhereInTheOutput() throws Exception {
        byte[] key = KEY.key();
        List<byte[]> forms = List.of(
                key,
                HEX.formatHex(key).getBytes(StandardCharsets.US_ASCII),
                HEX.withUpperCase().formatHex(key).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().withoutPadding().encodeToString(key).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte[] form : forms) {
                assertThat(indexOf(bytes, form))
                        .as("key in " + out.relativize(file))
                        .isEqualTo(-1);
            }
        }
        try (Stream<Path> work = Files.list(dir.resolve("work"))) {
            assertThat(work).as("clear intermediate segments are removed").isEmpty();
        }
    }

    @Test
    void everyRenditionDecryptsWithTheKeyToTheMediaThatWentInAndNotWithAnotherKey() throws Exception {
        for (VideoInput input : video) {
            Path encrypted = concatenate("video/" + input.id());
            List<String> packets = packets(encrypted, HEX.formatHex(KEY.key()));
            assertThat(packets).as(input.id() + " packets").hasSize(192).isEqualTo(packets(input.file(), null));
            assertThat(decodedFrames(encrypted, HEX.formatHex(KEY.key())))
                    .as(input.id() + " decoded frames")
                    .hasSize(192);
            assertWrongKeyFails(input.id(), encrypted, packets);
        }
        for (AudioInput input : audio) {
            Path encrypted = concatenate("audio/" + input.id());
            List<String> packets = packets(encrypted, HEX.formatHex(KEY.key()));
            // Cut at the picture's end: the input's packets, less the frame or two of priming overhang past 8 s.
            List<String> input8s = packets(input.file(), null);
            assertThat(packets).as(input.id() + " packets").isEqualTo(input8s.subList(0, packets.size()));
            assertThat(input8s.size() - packets.size()).isBetween(1, 2);
            List<String> frames = decodedFrames(encrypted, HEX.formatHex(KEY.key()));
            long samples = frames.stream()
                    .mapToLong(line -> Long.parseLong(line.split(",")[3].strip()))
                    .sum();
            assertThat(samples / 48_000.0).as(input.id() + " decoded seconds").isBetween(7.95, 8.0);
            assertWrongKeyFails(input.id(), encrypted, packets);
        }
    }

    @Test
    void subtitlesAreWebVttWithTheCuesOfTheMaster() throws Exception {
        String vtt = Files.readString(out.resolve("subtitles/s-eng-0.vtt"));
        assertThat(vtt).startsWith("WEBVTT").contains("00:00.500 --> 00:02.500\nHello from the test master.");
    }

    @Test
    void trickplayCuesPointInsideExistingSprites() throws Exception {
        Path trickplayOut = out.resolve("trickplay");
        String vtt = Files.readString(trickplayOut.resolve("thumbnails.vtt"));
        Matcher cue = Pattern.compile("(sprite-\\d{4}\\.jpg)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)")
                .matcher(vtt);
        int cues = 0;
        while (cue.find()) {
            cues++;
            BufferedImage sprite =
                    ImageIO.read(trickplayOut.resolve(cue.group(1)).toFile());
            assertThat(sprite).as(cue.group(1)).isNotNull();
            int x = Integer.parseInt(cue.group(2));
            int y = Integer.parseInt(cue.group(3));
            int w = Integer.parseInt(cue.group(4));
            int h = Integer.parseInt(cue.group(5));
            assertThat(w).isEqualTo(TrickplayGenerator.THUMBNAIL_WIDTH);
            assertThat(h).isEqualTo(90);
            assertThat(x + w).isLessThanOrEqualTo(sprite.getWidth());
            assertThat(y + h).isLessThanOrEqualTo(sprite.getHeight());
        }
        assertThat(cues).as("a thumbnail every 2 s of 8 s").isEqualTo(4);
        assertThat(vtt).contains("00:00:04.000 --> 00:00:06.000\nsprite-0001.jpg#xywh=320,0,160,90");
    }

    @Test
    void aRerunReplacesTheOutputAsAWhole() throws Exception {
        Files.writeString(out.resolve("stray-from-a-crash.tmp"), "x");
        Path deadStaging = Files.createDirectories(out.resolveSibling(".title.staging-dead/video"));

        PackagedTitle again = new Packager(runner)
                .pack(new PackageRequest(video, audio, subtitles, trickplay, SEGMENT, KEY, out, dir.resolve("work")));

        assertThat(again).isEqualTo(title);
        assertThat(out.resolve("stray-from-a-crash.tmp")).doesNotExist();
        assertThat(deadStaging.getParent()).doesNotExist();
        assertThat(out.resolve("master.m3u8")).isNotEmptyFile();
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings).containsExactly(out);
        }
    }

    @Test
    void rungsWithKeyframesOffTheSegmentBoundariesAreRejected() throws Exception {
        Rung low = rung(160, 90);
        VideoInput misaligned = new VideoInput("v90p", low, encodeRung(low, 3, "misaligned.mp4"));
        Path target = dir.resolve("origin/misaligned");

        assertThatThrownBy(() -> new Packager(runner)
                        .pack(new PackageRequest(
                                List.of(video.getFirst(), misaligned),
                                audio,
                                List.of(),
                                null,
                                SEGMENT,
                                KEY,
                                target,
                                dir.resolve("work"))))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("not segment-aligned")
                .hasMessageContaining("in v180p but at 6.083 s in v90p");
        assertThat(target).doesNotExist();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".misaligned"));
        }
    }

    private static void assertWrongKeyFails(String id, Path encrypted, List<String> clearPackets) {
        List<String> wrong;
        try {
            wrong = packets(encrypted, WRONG_KEY);
        } catch (RuntimeException e) {
            return; // ffmpeg refusing the file is a failure to decrypt too
        }
        long same = 0;
        for (int i = 0; i < Math.min(wrong.size(), clearPackets.size()); i++) {
            if (wrong.get(i).equals(clearPackets.get(i))) {
                same++;
            }
        }
        assertThat(same).as(id + " packets that a wrong key decrypts correctly").isZero();
    }

    /** The init segment and every media segment of a rendition, concatenated into one file. */
    private static Path concatenate(String rendition) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path renditionDir = out.resolve(rendition);
        bytes.write(Files.readAllBytes(renditionDir.resolve("init.mp4")));
        for (int i = 1; Files.exists(renditionDir.resolve(segmentName(i))); i++) {
            bytes.write(Files.readAllBytes(renditionDir.resolve(segmentName(i))));
        }
        return Files.write(dir.resolve(rendition.replace('/', '-') + "-encrypted.mp4"), bytes.toByteArray());
    }

    private static String segmentName(int number) {
        return String.format(Locale.ROOT, "seg-%05d.m4s", number);
    }

    /**
     * Per packet, its size and MD5 (ffmpeg framemd5 with stream copy), without timestamps, which the AAC priming
     * shifts. {@code -fflags +ignidx} makes ffmpeg 5.1 read each moof's encryption info just in time (see CencIT).
     */
    private static List<String> packets(Path file, @Nullable String key) {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-threads", "1", "-fflags", "+ignidx"));
        if (key != null) {
            args.addAll(List.of("-decryption_key", key));
        }
        args.addAll(List.of("-i", FfmpegRunner.fileArgument(file), "-map", "0", "-c", "copy", "-f", "framemd5", "-"));
        return runner.ffmpeg(args)
                .stdout()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> {
                    String[] columns = line.split(",");
                    return columns[4].strip() + "," + columns[5].strip();
                })
                .toList();
    }

    /** The decoded frames' framemd5 lines; fails if ffmpeg reports a decoding error. */
    private static List<String> decodedFrames(Path file, String key) {
        FfmpegResult result = runner.ffmpeg(List.of(
                "-v",
                "error",
                "-threads",
                "1",
                "-fflags",
                "+ignidx",
                "-decryption_key",
                key,
                "-i",
                FfmpegRunner.fileArgument(file),
                "-map",
                "0",
                "-f",
                "framemd5",
                "-"));
        assertThat(result.stderrTail().lines().filter(l -> !l.startsWith("bench:")))
                .as("decoding errors of " + file.getFileName())
                .isEmpty();
        return result.stdout().lines().filter(line -> !line.startsWith("#")).toList();
    }

    /** {@code 64000c}: profile_idc, constraint flags and level_idc of the High-profile rungs, as ffprobe reports. */
    private static String avcProfileAndLevel(Path file) {
        String[] fields = runner.ffprobe(List.of(
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=profile,level",
                        "-of",
                        "csv=p=0",
                        FfmpegRunner.fileArgument(file)))
                .stdout()
                .strip()
                .split(",");
        assertThat(fields[0]).isEqualTo("High");
        return String.format(Locale.ROOT, "6400%02x", Integer.parseInt(fields[1].strip()));
    }

    private static List<String> extinf(Path playlist) throws Exception {
        Matcher matcher = EXTINF.matcher(Files.readString(playlist));
        List<String> durations = new ArrayList<>();
        while (matcher.find()) {
            durations.add(matcher.group(1));
        }
        return durations;
    }

    private static List<Element> elements(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
