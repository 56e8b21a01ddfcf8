package dev.reel.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few HLS facts a player needs to reach the first media segment. */
final class Playlists {

    private static final Pattern MAP_URI = Pattern.compile("#EXT-X-MAP:.*?URI=\"([^\"]+)\"");

    private Playlists() {}

    /** The variant playlist URIs of a multivariant playlist, in order (I-frame playlists are not variants). */
    static List<String> variants(String master) {
        List<String> uris = new ArrayList<>();
        List<String> lines = master.lines().map(String::strip).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String next = lines.get(j);
                    if (!next.isEmpty() && !next.startsWith("#")) {
                        uris.add(next);
                        break;
                    }
                }
            }
        }
        return uris;
    }

    /** The init segment ({@code #EXT-X-MAP} URI) of a media playlist, if it has one. */
    static Optional<String> initSegment(String media) {
        Matcher map = MAP_URI.matcher(media);
        return map.find() ? Optional.of(map.group(1)) : Optional.empty();
    }

    /** The first media segment URI of a media playlist, if it has one. */
    static Optional<String> firstSegment(String media) {
        return media.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst();
    }
}
