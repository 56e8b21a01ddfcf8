package dev.reel.origin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated "packaged titles": a manifest that names its segments, and segments whose bytes are
 * derived from the version tag and their name, so a reader can check that what it got is one
 * complete version.
 */
final class Fixtures {

    static final String MANIFEST = "manifest.m3u8";

    private Fixtures() {}

    /**
     * Writes a version tagged {@code tag} into a new directory under {@code parent}: {@code
     * manifest.m3u8}, {@code segments} segments under {@code video/} (named after the tag, so two
     * versions share no segment names), {@code init.mp4} and {@code subs/en.vtt}.
     */
    static Path version(Path parent, String tag, int segments) throws IOException {
        Path dir = Files.createTempDirectory(parent, "src-" + tag + "-");
        StringBuilder manifest = new StringBuilder("#EXTM3U\n#TAG " + tag + "\n");
        for (String name : segmentNames(tag, segments)) {
            write(dir, name, segment(tag, name));
            manifest.append(name).append('\n');
        }
        manifest.append("#EXT-X-ENDLIST\n");
        write(dir, MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        write(dir, "init.mp4", segment(tag, "init.mp4"));
        write(dir, "subs/en.vtt", ("WEBVTT\n\n" + tag + "\n").getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    static List<String> segmentNames(String tag, int segments) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            names.add("video/seg-" + tag + "-" + String.format("%03d", i) + ".m4s");
        }
        return names;
    }

    /** The bytes of segment {@code name} in version {@code tag}: about 3 KB, distinct per tag and name. */
    static byte[] segment(String tag, String name) {
        String line = tag + ":" + name + "\n";
        return line.repeat(3000 / line.length() + 1).getBytes(StandardCharsets.UTF_8);
    }

    static void write(Path dir, String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static byte[] read(OriginObject object) throws IOException {
        try (InputStream in = object.openStream()) {
            return in.readAllBytes();
        }
    }

    static byte[] read(OriginObject object, long offset, long length) throws IOException {
        try (InputStream in = object.openStream(offset, length)) {
            return in.readAllBytes();
        }
    }
}
