package dev.reel.origin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource({
        "master.m3u8, application/vnd.apple.mpegurl",
        "video/720p/index.M3U8, application/vnd.apple.mpegurl",
        "manifest.mpd, application/dash+xml",
        "video/seg-00001.m4s, video/iso.segment",
        "video/init.mp4, video/mp4",
        "audio/en.m4a, audio/mp4",
        "subs/en.vtt, text/vtt",
        "trickplay/sprite_001.jpg, image/jpeg",
        "poster.JPEG, image/jpeg",
        "art.png, image/png",
        "ladder.json, application/json",
        "legacy/seg1.ts, video/mp2t",
        "notes.txt, text/plain; charset=utf-8",
        "data.bin, application/octet-stream",
        "README, application/octet-stream",
        "dir.m3u8/file, application/octet-stream",
        ".m3u8, application/octet-stream",
        "trailing., application/octet-stream",
    })
    void typeComesFromTheExtension(String path, String type) {
        assertThat(ContentTypes.forPath(path)).isEqualTo(type);
    }
}
