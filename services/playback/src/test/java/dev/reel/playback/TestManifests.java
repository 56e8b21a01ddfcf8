package dev.reel.playback;

/**
 * A packaged title's manifests exactly as the encoder writes them (copied from a real {@code reel up} title and
 * extended with a 1080p, a 2160p and an HEVC rung, a subtitle track and an I-frame playlist), for unit and integration
 * tests.
 */
public final class TestManifests {

    private TestManifests() {}

    public static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="eng",NAME="English",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/a-eng-0/index.m3u8"
            #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="eng",NAME="English",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/s-eng-0.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=196736,AVERAGE-BANDWIDTH=191717,CODECS="avc1.64000c,mp4a.40.2",RESOLUTION=256x144,FRAME-RATE=24.000,AUDIO="audio",SUBTITLES="subs",CLOSED-CAPTIONS=NONE
            video/v144p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=437798,AVERAGE-BANDWIDTH=426668,CODECS="avc1.64001e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=24.000,AUDIO="audio",SUBTITLES="subs",CLOSED-CAPTIONS=NONE
            video/v360p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=4500000,AVERAGE-BANDWIDTH=4200000,CODECS="avc1.640028,mp4a.40.2",RESOLUTION=1920x1080,FRAME-RATE=24.000,AUDIO="audio",SUBTITLES="subs",CLOSED-CAPTIONS=NONE
            video/v1080p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=9000000,AVERAGE-BANDWIDTH=8500000,CODECS="hvc1.1.6.L120.90,mp4a.40.2",RESOLUTION=1920x1080,FRAME-RATE=24.000,AUDIO="audio",SUBTITLES="subs",CLOSED-CAPTIONS=NONE
            video/v1080p-hevc/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=16000000,AVERAGE-BANDWIDTH=15000000,CODECS="avc1.640033,mp4a.40.2",RESOLUTION=3840x2160,FRAME-RATE=24.000,AUDIO="audio",SUBTITLES="subs",CLOSED-CAPTIONS=NONE
            video/v2160p/index.m3u8
            #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,CODECS="avc1.64001e",RESOLUTION=640x360,URI="video/v360p/iframes.m3u8"
            #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=900000,CODECS="avc1.640033",RESOLUTION=3840x2160,URI="video/v2160p/iframes.m3u8"
            """;

    public static final String MPD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" type="static" profiles="urn:mpeg:dash:profile:isoff-live:2011" minBufferTime="PT4.000S" mediaPresentationDuration="PT10.000S">
              <Period id="0" start="PT0S">
                <AdaptationSet id="0" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="3840" maxHeight="2160">
                  <ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc" cenc:default_KID="80f51bce-1205-70cc-e726-865143c0bc5c"/>
                  <ContentProtection schemeIdUri="urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e" value="ClearKey1.0"/>
                  <Representation id="v144p" bandwidth="60620" width="256" height="144" sar="1:1" frameRate="24" codecs="avc1.64000c">
                    <SegmentTemplate timescale="12288" initialization="video/v144p/init.mp4" media="video/v144p/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="1024" d="49152" r="1"/>
                        <S d="24576"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                  <Representation id="v360p" bandwidth="301682" width="640" height="360" sar="1:1" frameRate="24" codecs="avc1.64001e">
                    <SegmentTemplate timescale="12288" initialization="video/v360p/init.mp4" media="video/v360p/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="1024" d="49152" r="1"/>
                        <S d="24576"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                  <Representation id="v1080p" bandwidth="4300000" width="1920" height="1080" sar="1:1" frameRate="24" codecs="avc1.640028">
                    <SegmentTemplate timescale="12288" initialization="video/v1080p/init.mp4" media="video/v1080p/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="1024" d="49152" r="1"/>
                        <S d="24576"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                  <Representation id="v1080p-hevc" bandwidth="8800000" width="1920" height="1080" sar="1:1" frameRate="24" codecs="hvc1.1.6.L120.90">
                    <SegmentTemplate timescale="12288" initialization="video/v1080p-hevc/init.mp4" media="video/v1080p-hevc/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="1024" d="49152" r="1"/>
                        <S d="24576"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                  <Representation id="v2160p" bandwidth="15800000" width="3840" height="2160" sar="1:1" frameRate="24" codecs="avc1.640033">
                    <SegmentTemplate timescale="12288" initialization="video/v2160p/init.mp4" media="video/v2160p/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="1024" d="49152" r="1"/>
                        <S d="24576"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                </AdaptationSet>
                <AdaptationSet id="1" contentType="audio" mimeType="audio/mp4" lang="eng" segmentAlignment="true" startWithSAP="1">
                  <ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc" cenc:default_KID="80f51bce-1205-70cc-e726-865143c0bc5c"/>
                  <Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"/>
                  <Label>English</Label>
                  <Representation id="a-eng-0" bandwidth="136116" codecs="mp4a.40.2" audioSamplingRate="48000">
                    <AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2"/>
                    <SegmentTemplate timescale="48000" initialization="audio/a-eng-0/init.mp4" media="audio/a-eng-0/seg-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline>
                        <S t="0" d="192512"/>
                        <S d="191488"/>
                        <S d="97408"/>
                      </SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                </AdaptationSet>
                <AdaptationSet id="2" contentType="text" mimeType="text/vtt" lang="eng">
                  <Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle"/>
                  <Label>English</Label>
                  <Representation id="s-eng-0" bandwidth="256">
                    <BaseURL>subtitles/s-eng-0.vtt</BaseURL>
                  </Representation>
                </AdaptationSet>
              </Period>
            </MPD>
            """;

    /** The media playlist of one rung, as the encoder writes it. */
    public static final String MEDIA_PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI="data:text/plain;base64,gPUbzhIFcMznJoZRQ8C8XA==",KEYID=0x80f51bce120570cce726865143c0bc5c,KEYFORMAT="org.w3.clearkey",KEYFORMATVERSIONS="1"
            #EXT-X-MAP:URI="init.mp4"
            #EXTINF:4.000000,
            seg-00001.m4s
            #EXTINF:4.000000,
            seg-00002.m4s
            #EXTINF:2.000000,
            seg-00003.m4s
            #EXT-X-ENDLIST
            """;
}
