package dev.reel.origin;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a published object, chosen from its file extension so that every
 * backend, the edge and playback agree on it. Unknown extensions are {@value #DEFAULT}.
 */
public final class ContentTypes {

    /** The type of an object whose extension is unknown or missing. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            // streaming manifests
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("mpd", "application/dash+xml"),
            // CMAF / fragmented MP4 media
            Map.entry("m4s", "video/iso.segment"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("cmfv", "video/mp4"),
            Map.entry("cmfa", "audio/mp4"),
            Map.entry("cmft", "application/mp4"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("aac", "audio/aac"),
            Map.entry("webm", "video/webm"),
            // timed text
            Map.entry("vtt", "text/vtt"),
            Map.entry("webvtt", "text/vtt"),
            Map.entry("ttml", "application/ttml+xml"),
            // artwork and trickplay
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            // metadata
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private ContentTypes() {}

    /**
     * Returns the content type for a file name or relative path, matching the extension after the
     * last {@code '.'} of the last segment, case-insensitively.
     *
     * @param path a file name or {@code '/'}-separated path; need not be validated
     * @return the type, or {@value #DEFAULT}; never null
     */
    public static String forPath(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1 || dot == path.length() - 1) {
            return DEFAULT;
        }
        String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, DEFAULT);
    }
}
