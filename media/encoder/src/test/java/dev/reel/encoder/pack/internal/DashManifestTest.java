package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DashManifestTest {

    private static final String MPD = DashManifest.MPD_NAMESPACE;

    @Test
    void mpdDescribesEveryRenditionOverTheSameSegmentsWithClearKeyProtection() throws Exception {
        PackagedTrack high = Tracks.video(
                "v180p", 320, 180, "avc1.64000d", new long[] {49152, 49152, 49152, 12288}, new long[] {4, 4, 4, 1});
        PackagedTrack low = Tracks.video(
                "v90p", 160, 90, "avc1.42c00a", new long[] {49152, 49152, 49152, 12288}, new long[] {2, 2, 2, 1});
        PackagedTrack eng = Tracks.audio("a-eng-0", new long[] {192512, 96000}, new long[] {64_000, 32_000});
        TitleManifest title = new TitleManifest(
                List.of(
                        new TitleManifest.Video(high, FrameRate.of(12288, 512), 900_000, 800_000),
                        new TitleManifest.Video(low, FrameRate.of(30000, 1001), 300_000, 200_000)),
                List.of(new TitleManifest.Audio(eng, "eng", "English & more", 2, 130_000, 128_000)),
                List.of(new TitleManifest.Subtitle("s-fra-0", "fra", "French")),
                Tracks.protection(),
                4.0);

        Document mpd = parse(DashManifest.write(title));

        Element root = mpd.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("MPD");
        assertThat(root.getAttribute("type")).isEqualTo("static");
        assertThat(root.getAttribute("mediaPresentationDuration")).isEqualTo("PT13.000S");
        assertThat(elements(root, "Period")).hasSize(1);
        List<Element> sets = elements(root, "AdaptationSet");
        assertThat(sets).extracting(s -> s.getAttribute("contentType")).containsExactly("video", "audio", "text");

        Element video = sets.get(0);
        List<Element> representations = elements(video, "Representation");
        assertThat(representations).extracting(r -> r.getAttribute("id")).containsExactly("v90p", "v180p");
        Element first = representations.getFirst();
        assertThat(first.getAttribute("bandwidth")).isEqualTo("300000");
        assertThat(first.getAttribute("width")).isEqualTo("160");
        assertThat(first.getAttribute("height")).isEqualTo("90");
        assertThat(first.getAttribute("codecs")).isEqualTo("avc1.42c00a");
        assertThat(first.getAttribute("frameRate")).isEqualTo("30000/1001");
        assertThat(representations.get(1).getAttribute("frameRate")).isEqualTo("24");
        Element template = elements(first, "SegmentTemplate").getFirst();
        assertThat(template.getAttribute("timescale")).isEqualTo("12288");
        assertThat(template.getAttribute("initialization")).isEqualTo("video/v90p/init.mp4");
        assertThat(template.getAttribute("media")).isEqualTo("video/v90p/seg-$Number%05d$.m4s");
        assertThat(template.getAttribute("startNumber")).isEqualTo("1");
        List<Element> timeline = elements(template, "S");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).getAttribute("t")).isEqualTo("0");
        assertThat(timeline.get(0).getAttribute("d")).isEqualTo("49152");
        assertThat(timeline.get(0).getAttribute("r")).isEqualTo("2");
        assertThat(timeline.get(1).hasAttribute("t")).isFalse();
        assertThat(timeline.get(1).getAttribute("d")).isEqualTo("12288");

        List<Element> protection = elements(video, "ContentProtection");
        assertThat(protection)
                .extracting(p -> p.getAttribute("schemeIdUri"))
                .containsExactly(
                        "urn:mpeg:dash:mp4protection:2011",
                        "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e",
                        "urn:uuid:1077efec-c0b2-4d02-ace3-3c1e52e2fb4b");
        assertThat(protection.getFirst().getAttribute("value")).isEqualTo("cenc");
        assertThat(protection.getFirst().getAttributeNS(DashManifest.CENC_NAMESPACE, "default_KID"))
                .isEqualTo("a7e61c37-3e21-9033-c210-91fa607bf3b8");
        NodeList pssh = protection.get(2).getElementsByTagNameNS(DashManifest.CENC_NAMESPACE, "pssh");
        assertThat(pssh.getLength()).isEqualTo(1);
        assertThat(pssh.item(0).getTextContent()).isEqualTo("AAAACHBzc2g=");

        Element audio = sets.get(1);
        assertThat(audio.getAttribute("lang")).isEqualTo("eng");
        assertThat(elements(audio, "Label").getFirst().getTextContent()).isEqualTo("English & more");
        assertThat(elements(audio, "ContentProtection")).hasSize(3);
        Element audioRepresentation = elements(audio, "Representation").getFirst();
        assertThat(audioRepresentation.getAttribute("codecs")).isEqualTo("mp4a.40.2");
        assertThat(audioRepresentation.getAttribute("audioSamplingRate")).isEqualTo("48000");
        assertThat(elements(audioRepresentation, "AudioChannelConfiguration")
                        .getFirst()
                        .getAttribute("value"))
                .isEqualTo("2");
        List<Element> audioTimeline = elements(audioRepresentation, "S");
        assertThat(audioTimeline).extracting(s -> s.getAttribute("d")).containsExactly("192512", "96000");

        Element text = sets.get(2);
        assertThat(text.getAttribute("mimeType")).isEqualTo("text/vtt");
        assertThat(text.getAttribute("lang")).isEqualTo("fra");
        assertThat(elements(text, "ContentProtection")).isEmpty();
        assertThat(elements(text, "BaseURL").getFirst().getTextContent()).isEqualTo("subtitles/s-fra-0.vtt");
    }

    @Test
    void aGapInTheTimelineRestatesTheStartTime() throws Exception {
        InitInfo info =
                Tracks.video("v", 2, 2, "c", new long[] {1}, new long[] {1}).info();
        PackagedTrack track = new PackagedTrack(
                "v",
                "video/v",
                info,
                List.of(
                        new MediaSegment("seg-00001.m4s", 1024, 4096, 1),
                        new MediaSegment("seg-00002.m4s", 5120, 4096, 1),
                        new MediaSegment("seg-00003.m4s", 10240, 4096, 1)));
        TitleManifest title = new TitleManifest(
                List.of(new TitleManifest.Video(track, FrameRate.of(24, 1), 1, 1)),
                List.of(),
                List.of(),
                Tracks.protection(),
                4.0);

        List<Element> timeline = elements(parse(DashManifest.write(title)).getDocumentElement(), "S");

        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).getAttribute("t")).isEqualTo("1024");
        assertThat(timeline.get(0).getAttribute("r")).isEqualTo("1");
        assertThat(timeline.get(1).getAttribute("t")).isEqualTo("10240");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(MPD, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
