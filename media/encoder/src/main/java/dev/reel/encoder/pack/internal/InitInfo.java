package dev.reel.encoder.pack.internal;

import dev.reel.cmaf.TrackKind;
import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.MalformedBoxException;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.SampleEntries;
import dev.reel.cmaf.box.TrackExtends;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a clear single-track CMAF init segment says about its track.
 *
 * @param trackId the track's id, which its fragments refer to
 * @param kind video or audio
 * @param timescale ticks per second of the track's media time
 * @param codec the RFC 6381 codec string
 * @param width the coded width (video), else 0
 * @param height the coded height (video), else 0
 * @param channels the channel count (audio), else 0
 * @param sampleRate samples per second (audio), else 0
 * @param defaultSampleDuration the {@code trex} default sample duration, 0 if none
 */
public record InitInfo(
        long trackId,
        TrackKind kind,
        long timescale,
        String codec,
        int width,
        int height,
        int channels,
        int sampleRate,
        long defaultSampleDuration) {

    /**
     * Reads a clear init segment with exactly one video or audio track.
     *
     * @throws MalformedBoxException if it is not an init segment, or has no or several tracks
     * @throws UnsupportedOperationException if the track is neither H.264 video nor MPEG-4 audio
     */
    public static InitInfo parse(byte[] init) {
        List<Box> top = Boxes.parse(init);
        if (!(Boxes.first(top, "moov") instanceof ContainerBox moov)) {
            throw new MalformedBoxException("Not an init segment: no 'moov' box");
        }
        List<Box> traks = moov.children("trak");
        if (traks.size() != 1) {
            throw new MalformedBoxException("Expected one track in the init segment, found " + traks.size());
        }
        ContainerBox trak = (ContainerBox) traks.getFirst();
        PayloadReader tkhd = reader(trak.find("tkhd"), "tkhd");
        int tkhdVersion = tkhd.u8();
        tkhd.skip(3 + (tkhdVersion == 1 ? 16 : 8));
        long trackId = tkhd.u32();
        PayloadReader mdhd = reader(trak.find("mdia/mdhd"), "mdia/mdhd");
        int mdhdVersion = mdhd.u8();
        mdhd.skip(3 + (mdhdVersion == 1 ? 16 : 8));
        long timescale = mdhd.u32();
        if (timescale <= 0) {
            throw new MalformedBoxException("mdhd timescale is 0");
        }
        if (!(trak.find("mdia/minf/stbl/stsd") instanceof ContainerBox stsd)
                || stsd.children().isEmpty()) {
            throw new MalformedBoxException("Init segment has no sample entry");
        }
        long defaultDuration = 0;
        if (moov.container("mvex") instanceof ContainerBox mvex) {
            for (Box box : mvex.children("trex")) {
                TrackExtends trex = TrackExtends.parse(box);
                if (trex.trackId() == trackId) {
                    defaultDuration = trex.defaultSampleDuration();
                }
            }
        }
        Box entry = stsd.children().getFirst();
        String type = entry.type();
        if (!(entry instanceof ContainerBox sampleEntry)) {
            throw new UnsupportedOperationException("Unsupported sample entry '" + type + "'");
        }
        if (SampleEntries.AVC.contains(type)) {
            byte[] prefix = sampleEntry.prefix();
            int width = ((prefix[24] & 0xFF) << 8) | (prefix[25] & 0xFF);
            int height = ((prefix[26] & 0xFF) << 8) | (prefix[27] & 0xFF);
            String codec = CodecStrings.avc(type, payload(sampleEntry.child("avcC"), type + "/avcC"));
            return new InitInfo(trackId, TrackKind.VIDEO, timescale, codec, width, height, 0, 0, defaultDuration);
        }
        if (type.equals("mp4a")) {
            byte[] prefix = sampleEntry.prefix();
            int channels = ((prefix[16] & 0xFF) << 8) | (prefix[17] & 0xFF);
            int rate = ((prefix[24] & 0xFF) << 8) | (prefix[25] & 0xFF);
            String codec;
            try {
                codec = CodecStrings.mp4a(payload(sampleEntry.child("esds"), "mp4a/esds"));
            } catch (IllegalArgumentException e) {
                throw new MalformedBoxException("mp4a/esds: " + e.getMessage());
            }
            return new InitInfo(trackId, TrackKind.AUDIO, timescale, codec, 0, 0, channels, rate, defaultDuration);
        }
        throw new UnsupportedOperationException(
                "Unsupported sample entry '" + type + "': packaging takes H.264 video and AAC audio");
    }

    private static byte[] payload(@Nullable Box box, String path) {
        if (!(box instanceof LeafBox leaf)) {
            throw new MalformedBoxException("Init segment lacks " + path);
        }
        return leaf.payload();
    }

    private static PayloadReader reader(@Nullable Box box, String path) {
        if (!(box instanceof LeafBox leaf)) {
            throw new MalformedBoxException("Init segment lacks trak/" + path);
        }
        return PayloadReader.of(leaf);
    }
}
