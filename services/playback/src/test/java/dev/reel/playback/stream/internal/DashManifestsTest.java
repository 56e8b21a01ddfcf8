package dev.reel.playback.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.playback.TestManifests;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.DeviceClass;
import dev.reel.playback.stream.Streams.EdgeBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DashManifestsTest {

    private static final String MPD_NS = "urn:mpeg:dash:schema:mpd:2011";
    private static final List<EdgeBase> EDGES = List.of(
            new EdgeBase("isp-a", "http://localhost:9100/s/tok/v/t1/v-1/"),
            new EdgeBase("origin", "http://localhost:9000/s/tok/v/t1/v-1/"));

    @Test
    void removesDisallowedVideoRepresentationsAndAddsOneBaseUrlPerEdgeFirst() throws Exception {
        String rewritten =
                DashManifests.rewrite(TestManifests.MPD, new Device(DeviceClass.PHONE, 1080, Set.of("avc1")), EDGES);
        Document mpd = parse(rewritten);
        Element root = mpd.getDocumentElement();

        List<Element> children = elements(root.getChildNodes());
        assertThat(children).extracting(Element::getLocalName).containsExactly("BaseURL", "BaseURL", "Period");
        assertThat(children.get(0).getTextContent()).isEqualTo("http://localhost:9100/s/tok/v/t1/v-1/");
        assertThat(children.get(0).getAttribute("serviceLocation")).isEqualTo("isp-a");
        assertThat(children.get(0).getNamespaceURI()).isEqualTo(MPD_NS);
        assertThat(children.get(1).getTextContent()).isEqualTo("http://localhost:9000/s/tok/v/t1/v-1/");

        assertThat(representationIds(mpd)).containsExactly("v144p", "v360p", "v1080p", "a-eng-0", "s-eng-0");
        Element video =
                (Element) mpd.getElementsByTagNameNS(MPD_NS, "AdaptationSet").item(0);
        assertThat(video.getAttribute("maxHeight")).isEqualTo("1080");
        assertThat(video.getAttribute("maxWidth")).isEqualTo("1920");
        // Protection, timelines and the other namespaces survive.
        assertThat(rewritten)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MPD ")
                .contains("xmlns:cenc=\"urn:mpeg:cenc:2013\"")
                .contains("cenc:default_KID=\"80f51bce-1205-70cc-e726-865143c0bc5c\"")
                .contains("<SegmentTimeline>")
                .contains("<BaseURL>subtitles/s-eng-0.vtt</BaseURL>");
    }

    @Test
    void filtersByCodecFamilyAndDropsAnEmptiedVideoSet() throws Exception {
        Device hevc = new Device(DeviceClass.TV, 2160, Set.of("hvc1"));
        assertThat(representationIds(parse(DashManifests.rewrite(TestManifests.MPD, hevc, EDGES))))
                .containsExactly("v1080p-hevc", "a-eng-0", "s-eng-0");
        Device vp9 = new Device(DeviceClass.TV, 2160, Set.of("vp09"));
        assertThat(representationIds(parse(DashManifests.rewrite(TestManifests.MPD, vp9, EDGES))))
                .containsExactly("a-eng-0", "s-eng-0");
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE MPD [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period>&x;</Period></MPD>
                """;
        assertThatThrownBy(() -> DashManifests.rewrite(xxe, new Device(DeviceClass.TV, 2160, Set.of("avc1")), EDGES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherDocuments() {
        Device device = new Device(DeviceClass.TV, 2160, Set.of("avc1"));
        assertThatThrownBy(() -> DashManifests.rewrite("<html/>", device, EDGES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DashManifests.rewrite("#EXTM3U", device, EDGES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> representationIds(Document mpd) {
        return elements(mpd.getElementsByTagNameNS(MPD_NS, "Representation")).stream()
                .map(e -> e.getAttribute("id"))
                .toList();
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
