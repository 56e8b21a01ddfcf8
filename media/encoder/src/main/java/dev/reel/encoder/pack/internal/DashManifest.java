package dev.reel.encoder.pack.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes the DASH MPD ({@code manifest.mpd}) of a packaged title: static, one period, over the same segment files as
 * the HLS playlists.
 *
 * <p>One video adaptation set with a representation per rung, one audio adaptation set per track (with its language),
 * and one {@code text/vtt} adaptation set per subtitle track (the whole WebVTT file as the representation's {@code
 * BaseURL}). Video and audio sets carry three {@code ContentProtection} descriptors: {@code
 * urn:mpeg:dash:mp4protection:2011} 'cenc' with {@code cenc:default_KID}, the DASH-IF ClearKey system, and the W3C
 * common system with its {@code cenc:pssh}. Each representation has its own {@code SegmentTemplate} with a {@code
 * SegmentTimeline} of the exact segment start times and durations in the track's timescale.
 */
public final class DashManifest {

    /** The MPD namespace. */
    public static final String MPD_NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";

    /** The namespace of {@code cenc:default_KID} and {@code cenc:pssh}. */
    public static final String CENC_NAMESPACE = "urn:mpeg:cenc:2013";

    private static final String SEGMENT_TEMPLATE = "seg-$Number%05d$.m4s";

    private DashManifest() {}

    /** The MPD as a UTF-8 XML document. */
    public static String write(TitleManifest title) {
        Xml xml = new Xml();
        xml.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.open(
                "MPD",
                "xmlns",
                MPD_NAMESPACE,
                "xmlns:cenc",
                CENC_NAMESPACE,
                "type",
                "static",
                "profiles",
                "urn:mpeg:dash:profile:isoff-live:2011",
                "minBufferTime",
                duration(title.segmentSeconds()),
                "mediaPresentationDuration",
                duration(title.durationSeconds()));
        xml.open("Period", "id", "0", "start", "PT0S");
        int adaptationSet = 0;

        int maxWidth = 0;
        int maxHeight = 0;
        for (TitleManifest.Video rendition : title.video()) {
            maxWidth = Math.max(maxWidth, rendition.track().info().width());
            maxHeight = Math.max(maxHeight, rendition.track().info().height());
        }
        xml.open(
                "AdaptationSet",
                "id",
                Integer.toString(adaptationSet++),
                "contentType",
                "video",
                "mimeType",
                "video/mp4",
                "segmentAlignment",
                "true",
                "startWithSAP",
                "1",
                "maxWidth",
                Integer.toString(maxWidth),
                "maxHeight",
                Integer.toString(maxHeight));
        contentProtection(xml, title.protection());
        for (TitleManifest.Video rendition : title.video()) {
            InitInfo info = rendition.track().info();
            xml.open(
                    "Representation",
                    "id",
                    rendition.track().id(),
                    "bandwidth",
                    Long.toString(rendition.peakBandwidth()),
                    "width",
                    Integer.toString(info.width()),
                    "height",
                    Integer.toString(info.height()),
                    "sar",
                    "1:1",
                    "frameRate",
                    rendition.frameRate().dash(),
                    "codecs",
                    info.codec());
            segmentTemplate(xml, rendition.track());
            xml.close("Representation");
        }
        xml.close("AdaptationSet");

        List<TitleManifest.Audio> audio = title.audio();
        for (int i = 0; i < audio.size(); i++) {
            TitleManifest.Audio track = audio.get(i);
            InitInfo info = track.track().info();
            xml.open(
                    "AdaptationSet",
                    "id",
                    Integer.toString(adaptationSet++),
                    "contentType",
                    "audio",
                    "mimeType",
                    "audio/mp4",
                    "lang",
                    track.language(),
                    "segmentAlignment",
                    "true",
                    "startWithSAP",
                    "1");
            contentProtection(xml, title.protection());
            xml.empty("Role", "schemeIdUri", "urn:mpeg:dash:role:2011", "value", i == 0 ? "main" : "alternate");
            xml.text("Label", track.name());
            xml.open(
                    "Representation",
                    "id",
                    track.track().id(),
                    "bandwidth",
                    Long.toString(track.peakBandwidth()),
                    "codecs",
                    info.codec(),
                    "audioSamplingRate",
                    Integer.toString(info.sampleRate()));
            xml.empty(
                    "AudioChannelConfiguration",
                    "schemeIdUri",
                    "urn:mpeg:dash:23003:3:audio_channel_configuration:2011",
                    "value",
                    Integer.toString(track.channels()));
            segmentTemplate(xml, track.track());
            xml.close("Representation");
            xml.close("AdaptationSet");
        }

        for (TitleManifest.Subtitle track : title.subtitles()) {
            xml.open(
                    "AdaptationSet",
                    "id",
                    Integer.toString(adaptationSet++),
                    "contentType",
                    "text",
                    "mimeType",
                    "text/vtt",
                    "lang",
                    track.language());
            xml.empty("Role", "schemeIdUri", "urn:mpeg:dash:role:2011", "value", "subtitle");
            xml.text("Label", track.name());
            xml.open("Representation", "id", track.id(), "bandwidth", "256");
            xml.text("BaseURL", track.vttPath());
            xml.close("Representation");
            xml.close("AdaptationSet");
        }
        xml.close("Period");
        xml.close("MPD");
        return xml.toString();
    }

    private static void contentProtection(Xml xml, Protection protection) {
        xml.empty(
                "ContentProtection",
                "schemeIdUri",
                "urn:mpeg:dash:mp4protection:2011",
                "value",
                "cenc",
                "cenc:default_KID",
                protection.keyIdUuid());
        xml.empty("ContentProtection", "schemeIdUri", "urn:uuid:" + Protection.CLEARKEY_SYSTEM, "value", "ClearKey1.0");
        xml.open("ContentProtection", "schemeIdUri", "urn:uuid:" + Protection.COMMON_SYSTEM, "value", "cenc");
        xml.text("cenc:pssh", protection.psshBase64());
        xml.close("ContentProtection");
    }

    private static void segmentTemplate(Xml xml, PackagedTrack track) {
        xml.open(
                "SegmentTemplate",
                "timescale",
                Long.toString(track.timescale()),
                "initialization",
                track.directory() + "/" + PackagedTrack.INIT,
                "media",
                track.directory() + "/" + SEGMENT_TEMPLATE,
                "startNumber",
                "1");
        xml.open("SegmentTimeline");
        List<MediaSegment> segments = track.segments();
        long expectedStart = Long.MIN_VALUE;
        int i = 0;
        while (i < segments.size()) {
            MediaSegment first = segments.get(i);
            int repeats = 0;
            while (i + repeats + 1 < segments.size()
                    && segments.get(i + repeats + 1).duration() == first.duration()
                    && segments.get(i + repeats + 1).start() == first.start() + (repeats + 1) * first.duration()) {
                repeats++;
            }
            @Nullable String t = first.start() == expectedStart ? null : Long.toString(first.start());
            String d = Long.toString(first.duration());
            @Nullable String r = repeats == 0 ? null : Integer.toString(repeats);
            xml.empty("S", "t", t, "d", d, "r", r);
            expectedStart = first.start() + (repeats + 1) * first.duration();
            i += repeats + 1;
        }
        xml.close("SegmentTimeline");
        xml.close("SegmentTemplate");
    }

    /** An {@code xs:duration} in seconds with millisecond precision, e.g. {@code PT6.000S}. */
    static String duration(double seconds) {
        return String.format(Locale.ROOT, "PT%.3fS", seconds);
    }

    /** A minimal indenting XML writer; attributes with a null value are left out. */
    private static final class Xml {

        private final StringBuilder out = new StringBuilder(4096);
        private int depth;

        void line(String text) {
            out.append(text).append('\n');
        }

        void open(String name, @Nullable String... attributes) {
            start(name, attributes);
            out.append(">\n");
            depth++;
        }

        void empty(String name, @Nullable String... attributes) {
            start(name, attributes);
            out.append("/>\n");
        }

        void text(String name, String text) {
            indent();
            out.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(text))
                    .append("</")
                    .append(name)
                    .append(">\n");
        }

        void close(String name) {
            depth--;
            indent();
            out.append("</").append(name).append(">\n");
        }

        private void start(String name, @Nullable String[] attributes) {
            indent();
            out.append('<').append(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                String value = attributes[i + 1];
                if (value != null) {
                    out.append(' ')
                            .append(attributes[i])
                            .append("=\"")
                            .append(escape(value))
                            .append('"');
                }
            }
        }

        private void indent() {
            out.repeat("  ", depth);
        }

        private static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
                }
            }
            return escaped.toString();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
