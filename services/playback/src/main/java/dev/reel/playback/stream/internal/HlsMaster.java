package dev.reel.playback.stream.internal;

import dev.reel.playback.stream.Codecs;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.Rendition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and rewrites an HLS multivariant playlist ({@code master.m3u8}) as the encoder writes it. Pure: no I/O.
 *
 * <p>A variant is an {@code #EXT-X-STREAM-INF} tag, any comment or tag lines after it, and the URI line that ends it.
 * An {@code #EXT-X-I-FRAME-STREAM-INF} tag is a variant on one line. Every other line is kept as it is, except that a
 * relative {@code URI="..."} attribute is made absolute.
 */
final class HlsMaster {

    private static final String STREAM_INF = "#EXT-X-STREAM-INF:";
    private static final String I_FRAME_STREAM_INF = "#EXT-X-I-FRAME-STREAM-INF:";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern RESOLUTION = Pattern.compile("(\\d+)x(\\d+)");

    private HlsMaster() {}

    /**
     * The video variants ({@code #EXT-X-STREAM-INF}), in playlist order.
     *
     * @throws IllegalArgumentException when the text is not a playlist ({@code #EXTM3U} missing)
     */
    static List<Rendition> renditions(String playlist) {
        List<String> lines = lines(playlist);
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(STREAM_INF)) {
                continue;
            }
            int uriLine = uriLineAfter(lines, i);
            if (uriLine < 0) {
                break;
            }
            renditions.add(rendition(HlsAttributes.parse(line.substring(STREAM_INF.length())), lines.get(uriLine)));
            i = uriLine;
        }
        return List.copyOf(renditions);
    }

    /**
     * The playlist with only the variants and I-frame playlists {@code device} may play, and every relative URI
     * resolved against {@code baseUrl}.
     *
     * @param baseUrl an absolute URL ending with {@code /}
     * @throws IllegalArgumentException when the text is not a playlist or a URI cannot be resolved
     */
    static String rewrite(String playlist, Device device, String baseUrl) {
        URI base = URI.create(baseUrl);
        List<String> lines = lines(playlist);
        StringBuilder out = new StringBuilder(playlist.length() + 256);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(STREAM_INF)) {
                int uriLine = uriLineAfter(lines, i);
                if (uriLine < 0) {
                    break;
                }
                HlsAttributes attributes = HlsAttributes.parse(line.substring(STREAM_INF.length()));
                if (allows(device, attributes)) {
                    out.append(line).append('\n');
                    for (int j = i + 1; j < uriLine; j++) {
                        out.append(withAbsoluteUri(lines.get(j), base)).append('\n');
                    }
                    out.append(resolve(base, lines.get(uriLine).strip())).append('\n');
                }
                i = uriLine;
            } else if (line.startsWith(I_FRAME_STREAM_INF)) {
                HlsAttributes attributes = HlsAttributes.parse(line.substring(I_FRAME_STREAM_INF.length()));
                if (allows(device, attributes)) {
                    out.append(withAbsoluteUri(line, base)).append('\n');
                }
            } else if (line.startsWith("#")) {
                out.append(withAbsoluteUri(line, base)).append('\n');
            } else if (line.isBlank()) {
                out.append('\n');
            } else {
                out.append(resolve(base, line.strip())).append('\n');
            }
        }
        return out.toString();
    }

    /** The rendition id of a variant URI: its directory ({@code v360p} of {@code video/v360p/index.m3u8}). */
    static String renditionId(String uri) {
        String path = uri.strip();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            String directory = path.substring(0, slash);
            return directory.substring(directory.lastIndexOf('/') + 1);
        }
        String file = path.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static Rendition rendition(HlsAttributes attributes, String uri) {
        int width = 0;
        int height = 0;
        String resolution = attributes.get("RESOLUTION");
        if (resolution != null) {
            var matcher = RESOLUTION.matcher(resolution.strip());
            if (matcher.matches()) {
                width = Integer.parseInt(matcher.group(1));
                height = Integer.parseInt(matcher.group(2));
            }
        }
        String codecs = attributes.get("CODECS");
        String codec = codecs == null ? null : Codecs.videoCodec(codecs);
        return new Rendition(renditionId(uri), width, height, codec == null ? "" : codec, bandwidth(attributes));
    }

    private static long bandwidth(HlsAttributes attributes) {
        String value = attributes.get("BANDWIDTH");
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A variant without a resolution is judged by its codec alone; one without codecs by its height alone. */
    private static boolean allows(Device device, HlsAttributes attributes) {
        Rendition rendition = rendition(attributes, "");
        if (rendition.height() > device.maxHeight()) {
            return false;
        }
        return rendition.codec().isEmpty() || device.allows(rendition.height(), rendition.codec());
    }

    private static int uriLineAfter(List<String> lines, int tagLine) {
        for (int j = tagLine + 1; j < lines.size(); j++) {
            String candidate = lines.get(j);
            if (!candidate.isBlank() && !candidate.startsWith("#")) {
                return j;
            }
        }
        return -1;
    }

    private static String withAbsoluteUri(String tagLine, URI base) {
        int colon = tagLine.indexOf(':');
        if (colon < 0 || !tagLine.contains("URI=\"")) {
            return tagLine;
        }
        HlsAttributes attributes = HlsAttributes.parse(tagLine.substring(colon + 1));
        String uri = attributes.get("URI");
        if (uri == null) {
            return tagLine;
        }
        attributes.replace("URI", resolve(base, uri));
        return tagLine.substring(0, colon + 1) + attributes;
    }

    static String resolve(URI base, String reference) {
        if (SCHEME.matcher(reference).find()) {
            return reference;
        }
        try {
            return base.resolve(parseReference(reference)).toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new IllegalArgumentException("cannot resolve '" + reference + "' against the edge base URL", e);
        }
    }

    private static URI parseReference(String reference) throws URISyntaxException {
        try {
            return new URI(reference);
        } catch (URISyntaxException e) {
            // A path with characters a URI must escape (a space): escape them rather than fail the manifest.
            return new URI(null, null, reference, null);
        }
    }

    private static List<String> lines(String playlist) {
        String text = playlist.startsWith("\uFEFF") ? playlist.substring(1) : playlist;
        if (!text.stripLeading().startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("not an HLS playlist: #EXTM3U missing");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }
}
