package dev.reel.playback.stream.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * An HLS attribute list ({@code BANDWIDTH=437798,CODECS="avc1.64001e,mp4a.40.2",RESOLUTION=640x360}), parsed and
 * written back in its original order. Quoted values keep no quotes in the map; {@link #toString()} quotes exactly
 * the values that were quoted.
 */
final class HlsAttributes {

    private final SequencedMap<String, String> values;
    private final SequencedMap<String, Boolean> quoted;

    private HlsAttributes(SequencedMap<String, String> values, SequencedMap<String, Boolean> quoted) {
        this.values = values;
        this.quoted = quoted;
    }

    /**
     * Parses an attribute list. Lenient: an attribute without {@code =} is skipped, an unterminated quoted string runs
     * to the end of the line.
     */
    static HlsAttributes parse(String list) {
        SequencedMap<String, String> values = new LinkedHashMap<>();
        SequencedMap<String, Boolean> quoted = new LinkedHashMap<>();
        int i = 0;
        int n = list.length();
        while (i < n) {
            int equals = list.indexOf('=', i);
            int comma = list.indexOf(',', i);
            if (equals < 0 || (comma >= 0 && comma < equals)) {
                if (comma < 0) {
                    break;
                }
                i = comma + 1;
                continue;
            }
            String name = list.substring(i, equals).strip();
            int start = equals + 1;
            String value;
            boolean isQuoted = start < n && list.charAt(start) == '"';
            if (isQuoted) {
                int close = list.indexOf('"', start + 1);
                int end = close < 0 ? n : close;
                value = list.substring(start + 1, end);
                int next = close < 0 ? n : list.indexOf(',', close + 1);
                i = next < 0 ? n : next + 1;
            } else {
                int next = list.indexOf(',', start);
                int end = next < 0 ? n : next;
                value = list.substring(start, end).strip();
                i = next < 0 ? n : next + 1;
            }
            if (!name.isEmpty()) {
                values.put(name, value);
                quoted.put(name, isQuoted);
            }
        }
        return new HlsAttributes(values, quoted);
    }

    /** The value of {@code name} (unquoted), or null. */
    String get(String name) {
        return values.get(name);
    }

    /** Replaces the value of an existing attribute, keeping its position and quoting. */
    void replace(String name, String value) {
        if (values.containsKey(name)) {
            values.put(name, value);
        }
    }

    Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (var entry : values.entrySet()) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(entry.getKey()).append('=');
            if (Boolean.TRUE.equals(quoted.get(entry.getKey()))) {
                out.append('"').append(entry.getValue()).append('"');
            } else {
                out.append(entry.getValue());
            }
        }
        return out.toString();
    }
}
