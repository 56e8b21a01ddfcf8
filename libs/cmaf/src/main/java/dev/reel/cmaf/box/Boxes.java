package dev.reel.cmaf.box;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses and writes sequences of boxes.
 *
 * <p>The parser descends into the containers CMAF rewriting needs ({@code moov}, {@code trak},
 * {@code mdia}, {@code minf}, {@code stbl}, {@code stsd} and its video and audio sample entries,
 * {@code mvex}, {@code moof}, {@code traf}, {@code dinf}, {@code edts}, {@code mfra}, {@code sinf},
 * {@code schi}) and keeps everything else as opaque {@link LeafBox}es. Since parsed containers
 * re-encode to the same bytes and leaves keep theirs, {@code write(parse(x))} equals {@code x} for
 * any well-formed input, except that a box declared with size 0 ("to the end") is written with its
 * explicit size.
 *
 * <p>Parsing is defensive: every declared size is checked against its parent before anything is
 * allocated, nesting is limited to {@value #MAX_DEPTH} levels, and every box consumes at least 8
 * bytes, so malformed input fails fast with {@link MalformedBoxException}.
 */
public final class Boxes {

    /** Deepest nesting accepted; real CMAF files nest about 8 levels. */
    public static final int MAX_DEPTH = 16;

    private static final Set<String> PLAIN_CONTAINERS = Set.of(
            "moov", "trak", "mdia", "minf", "stbl", "mvex", "moof", "traf", "dinf", "edts", "mfra", "sinf", "schi");

    private Boxes() {}

    /**
     * Parses {@code data} as a sequence of top-level boxes.
     *
     * @throws MalformedBoxException if the bytes are not a well-formed box sequence
     */
    public static List<Box> parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    /** Parses {@code length} bytes of {@code data} from {@code offset} as a sequence of boxes. */
    public static List<Box> parse(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("Slice [" + offset + ", +" + length + ") outside " + data.length);
        }
        return parseRange(data, offset, offset + length, null, 0, "");
    }

    /** Encodes {@code boxes} one after the other. */
    public static byte[] write(List<? extends Box> boxes) {
        long total = 0;
        for (Box box : boxes) {
            total += box.size();
        }
        if (total > Box.MAX_SIZE) {
            throw new IllegalArgumentException("Boxes total " + total + " bytes, too large for one array");
        }
        PayloadWriter out = new PayloadWriter((int) total);
        for (Box box : boxes) {
            box.writeTo(out);
        }
        return out.toByteArray();
    }

    /** Encodes one box. */
    public static byte[] write(Box box) {
        return write(List.of(box));
    }

    /** The first box of {@code type} in {@code boxes}, or null. */
    public static @Nullable Box first(List<? extends Box> boxes, String type) {
        for (Box box : boxes) {
            if (box.type().equals(type)) {
                return box;
            }
        }
        return null;
    }

    private static List<Box> parseRange(
            byte[] data, int start, int end, @Nullable String parentType, int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw new MalformedBoxException("Boxes nested deeper than " + MAX_DEPTH + " levels at " + path);
        }
        List<Box> boxes = new ArrayList<>();
        int pos = start;
        while (pos < end) {
            int available = end - pos;
            if (available < 8) {
                throw new MalformedBoxException((path.isEmpty() ? "top level" : path) + " at byte " + pos + ": "
                        + available + " trailing bytes, too few for a box header");
            }
            long size = readU32(data, pos);
            String type = FourCc.decode(data, pos + 4);
            String boxPath = path.isEmpty() ? printable(type) : path + "/" + printable(type);
            String where = boxPath + " at byte " + pos;
            int header = 8;
            boolean large = false;
            if (size == 1) {
                if (available < 16) {
                    throw new MalformedBoxException(where + ": 64-bit size header is truncated");
                }
                size = (readU32(data, pos + 8) << 32) | readU32(data, pos + 12);
                header = 16;
                large = true;
                if (size < 16) {
                    throw new MalformedBoxException(where + ": invalid 64-bit size " + Long.toUnsignedString(size));
                }
            } else if (size == 0) {
                size = available;
            } else if (size < 8) {
                throw new MalformedBoxException(where + ": invalid size " + size);
            }
            if (size > available) {
                throw new MalformedBoxException(where + ": declares " + Long.toUnsignedString(size)
                        + " bytes but only " + available + " remain in " + (path.isEmpty() ? "the input" : path)
                        + " (truncated?)");
            }
            int boxEnd = pos + (int) size;
            int payloadStart = pos + header;
            boxes.add(parseBox(data, type, payloadStart, boxEnd, large, parentType, depth, boxPath));
            pos = boxEnd;
        }
        return boxes;
    }

    private static Box parseBox(
            byte[] data,
            String type,
            int payloadStart,
            int boxEnd,
            boolean large,
            @Nullable String parentType,
            int depth,
            String path) {
        int payloadLength = boxEnd - payloadStart;
        if (PLAIN_CONTAINERS.contains(type)) {
            return ContainerBox.parsed(
                    type, new byte[0], parseRange(data, payloadStart, boxEnd, type, depth + 1, path), large);
        }
        if (type.equals("stsd")) {
            if (payloadLength < 8) {
                throw new MalformedBoxException(path + ": 'stsd' payload of " + payloadLength + " bytes is truncated");
            }
            byte[] prefix = Arrays.copyOfRange(data, payloadStart, payloadStart + 8);
            return ContainerBox.parsed(
                    type, prefix, parseRange(data, payloadStart + 8, boxEnd, type, depth + 1, path), large);
        }
        if ("stsd".equals(parentType)) {
            int prefixSize = SampleEntries.prefixSize(type, data, payloadStart, payloadLength);
            if (prefixSize >= 0) {
                try {
                    byte[] prefix = Arrays.copyOfRange(data, payloadStart, payloadStart + prefixSize);
                    List<Box> children = parseRange(data, payloadStart + prefixSize, boxEnd, type, depth + 1, path);
                    return ContainerBox.parsed(type, prefix, children, large);
                } catch (MalformedBoxException e) {
                    // Some writers pad sample entries with bytes that are not boxes; keep such an
                    // entry opaque (it round-trips, but cannot be rewritten).
                }
            }
        }
        return LeafBox.wrap(type, Arrays.copyOfRange(data, payloadStart, boxEnd), large);
    }

    private static long readU32(byte[] data, int pos) {
        return ((data[pos] & 0xFFL) << 24)
                | ((data[pos + 1] & 0xFFL) << 16)
                | ((data[pos + 2] & 0xFFL) << 8)
                | (data[pos + 3] & 0xFFL);
    }

    private static String printable(String type) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
