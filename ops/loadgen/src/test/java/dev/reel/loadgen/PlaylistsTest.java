package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaylistsTest {

    private static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=40000,URI="video/v360p/iframes.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=437798,AVERAGE-BANDWIDTH=400000,RESOLUTION=640x360,CODECS="avc1.64001e"

            http://localhost:9100/s/tok/v/t/v1/video/v360p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=1280x720,CODECS="avc1.64001f"
            video/v720p/index.m3u8
            """;

    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-TARGETDURATION:4
            #EXT-X-KEY:METHOD=SAMPLE-AES-CTR,KEYFORMAT="org.w3.clearkey",KEYID=0x0123456789abcdef0123456789abcdef
            #EXT-X-MAP:URI="init.mp4",BYTERANGE="720@0"
            #EXTINF:4.000,
            seg-00001.m4s
            #EXTINF:4.000,
            seg-00002.m4s
            #EXT-X-ENDLIST
            """;

    @Test
    void variantsAreTheUrisAfterStreamInfNotIFramePlaylists() {
        assertThat(Playlists.variants(MASTER))
                .containsExactly("http://localhost:9100/s/tok/v/t/v1/video/v360p/index.m3u8", "video/v720p/index.m3u8");
        assertThat(Playlists.variants("#EXTM3U\n")).isEmpty();
    }

    @Test
    void theInitAndFirstSegmentOfAMediaPlaylist() {
        assertThat(Playlists.initSegment(MEDIA)).contains("init.mp4");
        assertThat(Playlists.firstSegment(MEDIA)).contains("seg-00001.m4s");
        assertThat(Playlists.initSegment("#EXTM3U\nseg.ts\n")).isEmpty();
        assertThat(Playlists.firstSegment("#EXTM3U\n#EXT-X-ENDLIST\n")).isEmpty();
    }
}
