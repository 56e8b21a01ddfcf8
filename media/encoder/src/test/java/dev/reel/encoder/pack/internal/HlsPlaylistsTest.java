package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlsPlaylistsTest {

    @Test
    void mediaPlaylistHasClearKeyBeforeTheMapAndExactSegmentDurations() {
        PackagedTrack track =
                Tracks.video("v180p", 320, 180, "avc1.64000d", new long[] {49152, 24576}, new long[] {1000, 500});

        String playlist = HlsPlaylists.media(track, Tracks.protection());

        assertThat(playlist).isEqualTo("""
                        #EXTM3U
                        #EXT-X-VERSION:7
                        #EXT-X-TARGETDURATION:4
                        #EXT-X-MEDIA-SEQUENCE:0
                        #EXT-X-PLAYLIST-TYPE:VOD
                        #EXT-X-INDEPENDENT-SEGMENTS
                        #EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI="data:text/plain;base64,p+YcNz4hkDPCEJH6YHvzuA==",\
                        KEYID=0xa7e61c373e219033c21091fa607bf3b8,KEYFORMAT="org.w3.clearkey",KEYFORMATVERSIONS="1"
                        #EXT-X-MAP:URI="init.mp4"
                        #EXTINF:4.000000,
                        seg-00001.m4s
                        #EXTINF:2.000000,
                        seg-00002.m4s
                        #EXT-X-ENDLIST
                        """);
    }

    @Test
    void targetDurationIsTheLongestSegmentRounded() {
        // 4.4 s rounds to 4, 4.6 s to 5 (RFC 8216: rounded EXTINF <= target duration).
        assertThat(Tracks.video("a", 2, 2, "c", new long[] {54067}, new long[] {1})
                        .targetDurationSeconds())
                .isEqualTo(4);
        assertThat(Tracks.video("a", 2, 2, "c", new long[] {56525, 100}, new long[] {1, 1})
                        .targetDurationSeconds())
                .isEqualTo(5);
    }

    @Test
    void subtitlePlaylistIsTheWholeFileAsOneSegment() {
        assertThat(HlsPlaylists.subtitles("s-eng-0.vtt", 6.0)).isEqualTo("""
                        #EXTM3U
                        #EXT-X-VERSION:7
                        #EXT-X-TARGETDURATION:6
                        #EXT-X-MEDIA-SEQUENCE:0
                        #EXT-X-PLAYLIST-TYPE:VOD
                        #EXTINF:6.000000,
                        s-eng-0.vtt
                        #EXT-X-ENDLIST
                        """);
    }

    @Test
    void multivariantListsAudioAndSubtitleRenditionsAndVariantsByBandwidth() {
        PackagedTrack high =
                Tracks.video("v180p", 320, 180, "avc1.64000d", new long[] {49152, 24576}, new long[] {200_000, 50_000});
        PackagedTrack low =
                Tracks.video("v90p", 160, 90, "avc1.42c00a", new long[] {49152, 24576}, new long[] {50_000, 20_000});
        PackagedTrack eng = Tracks.audio("a-eng-0", new long[] {192000, 96000}, new long[] {64_000, 32_000});
        PackagedTrack fra = Tracks.audio("a-fra-1", new long[] {192000, 96000}, new long[] {66_000, 33_000});
        FrameRate fps = FrameRate.of(12288, 512);
        TitleManifest title = new TitleManifest(
                List.of(
                        new TitleManifest.Video(high, fps, high.peakBandwidth(4), high.averageBandwidth()),
                        new TitleManifest.Video(low, fps, low.peakBandwidth(4), low.averageBandwidth())),
                List.of(
                        new TitleManifest.Audio(eng, "eng", "English", 2, eng.peakBandwidth(4), eng.averageBandwidth()),
                        new TitleManifest.Audio(
                                fra, "fra", "Fran\"ais", 2, fra.peakBandwidth(4), fra.averageBandwidth())),
                List.of(new TitleManifest.Subtitle("s-eng-0", "eng", "English")),
                Tracks.protection(),
                4.0);

        String playlist = HlsPlaylists.multivariant(title);

        // Video peaks: 180p 400 kbit/s (segment 1: 200 kB in 4 s), 90p 100 kbit/s; audio peak 132 kbit/s (fra).
        // Averages over 6 s: 180p 333334, 90p 93334, fra 132000.
        assertThat(playlist.lines().toList())
                .containsExactly(
                        "#EXTM3U",
                        "#EXT-X-VERSION:7",
                        "#EXT-X-INDEPENDENT-SEGMENTS",
                        "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"eng\",NAME=\"English\",DEFAULT=YES,"
                                + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/a-eng-0/index.m3u8\"",
                        "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"fra\",NAME=\"Fran'ais\",DEFAULT=NO,"
                                + "AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio/a-fra-1/index.m3u8\"",
                        "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"eng\",NAME=\"English\",DEFAULT=NO,"
                                + "AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/s-eng-0.m3u8\"",
                        "#EXT-X-STREAM-INF:BANDWIDTH=232000,AVERAGE-BANDWIDTH=225334,"
                                + "CODECS=\"avc1.42c00a,mp4a.40.2\",RESOLUTION=160x90,FRAME-RATE=24.000,"
                                + "AUDIO=\"audio\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE",
                        "video/v90p/index.m3u8",
                        "#EXT-X-STREAM-INF:BANDWIDTH=532000,AVERAGE-BANDWIDTH=465334,"
                                + "CODECS=\"avc1.64000d,mp4a.40.2\",RESOLUTION=320x180,FRAME-RATE=24.000,"
                                + "AUDIO=\"audio\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE",
                        "video/v180p/index.m3u8");
    }

    @Test
    void withoutAudioOrSubtitlesVariantsNameNoGroups() {
        PackagedTrack video = Tracks.video("v90p", 160, 90, "avc1.42c00a", new long[] {49152}, new long[] {1000});
        TitleManifest title = new TitleManifest(
                List.of(new TitleManifest.Video(video, FrameRate.of(30000, 1001), 2000, 2000)),
                List.of(),
                List.of(),
                Tracks.protection(),
                4.0);

        assertThat(HlsPlaylists.multivariant(title))
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=2000,AVERAGE-BANDWIDTH=2000,CODECS=\"avc1.42c00a\","
                        + "RESOLUTION=160x90,FRAME-RATE=29.970,CLOSED-CAPTIONS=NONE\n")
                .doesNotContain("EXT-X-MEDIA");
    }

    @Test
    void quotedStringsCannotBreakOut() {
        assertThat(HlsPlaylists.quoted("a\"b\nc")).isEqualTo("\"a'b c\"");
    }
}
