package dev.reel.encoder.pack.internal;

import java.util.List;
import java.util.Locale;

/**
 * Writes the HLS playlists of a packaged title: the multivariant playlist ({@code master.m3u8}), one media playlist
 * per video and audio rendition, and one per WebVTT subtitle track. Every URI is relative, so the title can be served
 * from any base.
 *
 * <p>Media playlists are version 7 VOD playlists of fMP4 segments: {@code EXT-X-KEY} (ClearKey, {@code
 * SAMPLE-AES-CTR}, see {@link Protection#hlsKeyTag()}) before {@code EXT-X-MAP}, so it applies to the init segment too,
 * then one {@code EXTINF} per segment with its exact duration.
 */
public final class HlsPlaylists {

    /** The {@code GROUP-ID} of the audio renditions. */
    public static final String AUDIO_GROUP = "audio";

    /** The {@code GROUP-ID} of the subtitle renditions. */
    public static final String SUBTITLES_GROUP = "subs";

    private static final int VERSION = 7;

    private HlsPlaylists() {}

    /** The media playlist of a video or audio rendition, to be written as {@code <directory>/index.m3u8}. */
    public static String media(PackagedTrack track, Protection protection) {
        StringBuilder out = header();
        out.append("#EXT-X-TARGETDURATION:")
                .append(track.targetDurationSeconds())
                .append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:0\n");
        out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        out.append(protection.hlsKeyTag()).append('\n');
        out.append("#EXT-X-MAP:URI=\"").append(PackagedTrack.INIT).append("\"\n");
        for (MediaSegment segment : track.segments()) {
            out.append("#EXTINF:")
                    .append(decimal(track.seconds(segment.duration())))
                    .append(",\n");
            out.append(segment.fileName()).append('\n');
        }
        out.append("#EXT-X-ENDLIST\n");
        return out.toString();
    }

    /**
     * The media playlist of a WebVTT subtitle track: the whole file as a single segment, to be written next to it.
     *
     * @param vttFileName the file name of the WebVTT file, relative to the playlist
     * @param durationSeconds the title's duration
     */
    public static String subtitles(String vttFileName, double durationSeconds) {
        StringBuilder out = header();
        out.append("#EXT-X-TARGETDURATION:")
                .append(Math.max(1, (long) Math.ceil(durationSeconds)))
                .append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:0\n");
        out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        out.append("#EXTINF:").append(decimal(durationSeconds)).append(",\n");
        out.append(vttFileName).append('\n');
        out.append("#EXT-X-ENDLIST\n");
        return out.toString();
    }

    /**
     * The multivariant playlist: an {@code EXT-X-MEDIA} per audio and subtitle track, then an {@code
     * EXT-X-STREAM-INF} per video rendition by increasing bandwidth.
     */
    public static String multivariant(TitleManifest title) {
        StringBuilder out = header();
        out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        List<TitleManifest.Audio> audio = title.audio();
        for (int i = 0; i < audio.size(); i++) {
            TitleManifest.Audio track = audio.get(i);
            out.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"")
                    .append(AUDIO_GROUP)
                    .append("\",LANGUAGE=")
                    .append(quoted(track.language()))
                    .append(",NAME=")
                    .append(quoted(track.name()))
                    .append(",DEFAULT=")
                    .append(i == 0 ? "YES" : "NO")
                    .append(",AUTOSELECT=YES,CHANNELS=\"")
                    .append(track.channels())
                    .append("\",URI=")
                    .append(quoted(track.track().directory() + "/" + PackagedTrack.PLAYLIST))
                    .append('\n');
        }
        for (TitleManifest.Subtitle track : title.subtitles()) {
            out.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"")
                    .append(SUBTITLES_GROUP)
                    .append("\",LANGUAGE=")
                    .append(quoted(track.language()))
                    .append(",NAME=")
                    .append(quoted(track.name()))
                    .append(",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=")
                    .append(quoted(track.playlistPath()))
                    .append('\n');
        }
        for (TitleManifest.Video rendition : title.video()) {
            InitInfo info = rendition.track().info();
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(title.variantBandwidth(rendition))
                    .append(",AVERAGE-BANDWIDTH=")
                    .append(title.variantAverageBandwidth(rendition))
                    .append(",CODECS=")
                    .append(quoted(String.join(",", title.variantCodecs(rendition))))
                    .append(",RESOLUTION=")
                    .append(info.width())
                    .append('x')
                    .append(info.height())
                    .append(",FRAME-RATE=")
                    .append(rendition.frameRate().hls());
            if (!audio.isEmpty()) {
                out.append(",AUDIO=\"").append(AUDIO_GROUP).append('"');
            }
            if (!title.subtitles().isEmpty()) {
                out.append(",SUBTITLES=\"").append(SUBTITLES_GROUP).append('"');
            }
            out.append(",CLOSED-CAPTIONS=NONE\n");
            out.append(rendition.track().directory())
                    .append('/')
                    .append(PackagedTrack.PLAYLIST)
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * An HLS quoted-string: double quotes around the text, with the characters a quoted-string cannot hold (double
     * quote, CR, LF and other control characters) replaced by a single quote or a space.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '"' ? '\'' : Character.isISOControl(c) ? ' ' : c);
        }
        return out.append('"').toString();
    }

    private static StringBuilder header() {
        return new StringBuilder(512)
                .append("#EXTM3U\n#EXT-X-VERSION:")
                .append(VERSION)
                .append('\n');
    }

    private static String decimal(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }
}
