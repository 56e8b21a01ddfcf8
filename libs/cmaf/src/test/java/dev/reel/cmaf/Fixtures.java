package dev.reel.cmaf;

import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.PayloadWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic CMAF files shaped like ffmpeg's output, for unit tests. */
public final class Fixtures {

    public static final long VIDEO_TRACK = 1;
    public static final long AUDIO_TRACK = 2;

    private Fixtures() {}

    public static LeafBox leaf(String type, int size, int seed) {
        byte[] payload = new byte[size];
        new Random(seed).nextBytes(payload);
        return LeafBox.of(type, payload);
    }

    /** An init segment with an H.264 track (4-byte NAL lengths) and an AAC track. */
    public static byte[] init() {
        return init("avc1", "mp4a");
    }

    public static byte[] init(String videoEntry, String audioEntry) {
        List<Box> moov = new ArrayList<>();
        moov.add(leaf("mvhd", 100, 1));
        moov.add(trak(VIDEO_TRACK, "vide", 12800, videoEntry(videoEntry)));
        moov.add(trak(AUDIO_TRACK, "soun", 48000, audioEntry(audioEntry)));
        moov.add(ContainerBox.of("mvex", List.of(trex(VIDEO_TRACK, 0), trex(AUDIO_TRACK, 0))));
        moov.add(leaf("udta", 30, 2));
        return Boxes.write(List.of(ftyp("ftyp"), ContainerBox.of("moov", moov)));
    }

    public static LeafBox ftyp(String type) {
        return LeafBox.of(
                type,
                new PayloadWriter()
                        .fourCc("iso6")
                        .u32(0)
                        .fourCc("iso6")
                        .fourCc("cmfc")
                        .toByteArray());
    }

    static LeafBox trex(long trackId, long defaultSize) {
        return LeafBox.of(
                "trex",
                new PayloadWriter()
                        .u32(0)
                        .u32(trackId)
                        .u32(1)
                        .u32(0)
                        .u32(defaultSize)
                        .u32(0)
                        .toByteArray());
    }

    static ContainerBox videoEntry(String type) {
        byte[] prefix = new byte[78];
        prefix[7] = 1; // data_reference_index
        prefix[24] = 0x01;
        prefix[25] = 0x40; // width 320
        prefix[26] = 0x00;
        prefix[27] = (byte) 0xB4; // height 180
        byte[] avcC = {1, 0x64, 0, 0x0D, (byte) 0xFF, (byte) 0xE1, 0, 4, 0x67, 0x64, 0, 0x0D, 1, 0, 4, 0x68, 1, 2, 3};
        return ContainerBox.of(type, prefix, List.of(LeafBox.of("avcC", avcC), leaf("pasp", 8, 3)));
    }

    static ContainerBox audioEntry(String type) {
        byte[] prefix = new byte[28];
        prefix[7] = 1;
        prefix[17] = 2; // channels
        prefix[19] = 16; // sample size
        prefix[24] = (byte) 0xBB;
        prefix[25] = (byte) 0x80; // 48000 << 16
        return ContainerBox.of(type, prefix, List.of(leaf("esds", 40, 4), leaf("btrt", 12, 5)));
    }

    static ContainerBox trak(long trackId, String handler, long timescale, ContainerBox entry) {
        LeafBox tkhd = LeafBox.of(
                "tkhd",
                new PayloadWriter()
                        .u32(3)
                        .u32(0)
                        .u32(0)
                        .u32(trackId)
                        .bytes(new byte[68])
                        .toByteArray());
        LeafBox mdhd = LeafBox.of(
                "mdhd",
                new PayloadWriter()
                        .u32(0)
                        .u32(0)
                        .u32(0)
                        .u32(timescale)
                        .u32(0)
                        .u32(0x55C40000L)
                        .toByteArray());
        LeafBox hdlr = LeafBox.of(
                "hdlr",
                new PayloadWriter()
                        .u32(0)
                        .u32(0)
                        .fourCc(handler)
                        .bytes(new byte[13])
                        .toByteArray());
        ContainerBox stsd = ContainerBox.of("stsd", new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, List.of(entry));
        ContainerBox stbl = ContainerBox.of(
                "stbl", List.of(stsd, leaf("stts", 8, 6), leaf("stsc", 8, 7), leaf("stsz", 12, 8), leaf("stco", 8, 9)));
        ContainerBox dinf = ContainerBox.of("dinf", List.of(leaf("dref", 20, 10)));
        ContainerBox minf =
                ContainerBox.of("minf", List.of(leaf(handler.equals("vide") ? "vmhd" : "smhd", 8, 11), dinf, stbl));
        ContainerBox mdia = ContainerBox.of("mdia", List.of(mdhd, hdlr, minf));
        return ContainerBox.of("trak", List.of(tkhd, ContainerBox.of("edts", List.of(leaf("elst", 20, 12))), mdia));
    }

    /** One AVC sample: AUD, SEI, then a coded slice of {@code sliceSize} bytes (NAL header included). */
    public static byte[] avcSample(Random random, int sliceSize, boolean idr) {
        PayloadWriter out = new PayloadWriter();
        nal(out, random, 0x09, 2);
        nal(out, random, 0x06, 20);
        if (idr) {
            nal(out, random, 0x67, 12);
            nal(out, random, 0x68, 5);
        }
        nal(out, random, idr ? 0x65 : 0x41, sliceSize);
        return out.toByteArray();
    }

    static void nal(PayloadWriter out, Random random, int header, int size) {
        byte[] body = new byte[size];
        random.nextBytes(body);
        body[0] = (byte) header;
        out.u32(size).bytes(body);
    }

    /** A media segment shaped like ffmpeg's HLS fMP4: styp, two sidx, one moof with both tracks, one mdat. */
    public static Segment segment(int seed, int videoSamples, int audioSamples) {
        Random random = new Random(seed);
        List<byte[]> video = new ArrayList<>();
        for (int i = 0; i < videoSamples; i++) {
            video.add(avcSample(random, 30 + random.nextInt(400), i == 0));
        }
        List<byte[]> audio = new ArrayList<>();
        for (int i = 0; i < audioSamples; i++) {
            byte[] sample = new byte[5 + random.nextInt(300)];
            random.nextBytes(sample);
            audio.add(sample);
        }
        PayloadWriter mdat = new PayloadWriter();
        video.forEach(mdat::bytes);
        audio.forEach(mdat::bytes);
        byte[] mdatPayload = mdat.toByteArray();
        int videoBytes = video.stream().mapToInt(s -> s.length).sum();

        ContainerBox moof = moof(video, audio, 0, 0);
        int dataStart = (int) moof.size() + 8;
        moof = moof(video, audio, dataStart, dataStart + videoBytes);
        LeafBox mdatBox = LeafBox.of("mdat", mdatPayload);
        long referenced = moof.size() + mdatBox.size();
        LeafBox sidx = sidx(VIDEO_TRACK, 0, referenced);
        LeafBox sidx2 = sidx(AUDIO_TRACK, 0, referenced);
        LeafBox sidx1 = sidx(VIDEO_TRACK, sidx2.size(), referenced);
        byte[] bytes = Boxes.write(List.of(ftyp("styp"), sidx1, sidx2, moof, mdatBox));
        return new Segment(bytes, video, audio);
    }

    public static LeafBox sidx(long referenceId, long firstOffset, long referencedSize) {
        return LeafBox.of(
                "sidx",
                new PayloadWriter()
                        .versionAndFlags(1, 0)
                        .u32(referenceId)
                        .u32(12800)
                        .u64(0)
                        .u64(firstOffset)
                        .u16(0)
                        .u16(1)
                        .u32(referencedSize)
                        .u32(25600)
                        .u32(0x9000_0000L)
                        .toByteArray());
    }

    static ContainerBox moof(List<byte[]> video, List<byte[]> audio, int videoOffset, int audioOffset) {
        return ContainerBox.of(
                "moof",
                List.of(
                        LeafBox.of("mfhd", new PayloadWriter().u32(0).u32(1).toByteArray()),
                        traf(VIDEO_TRACK, video, videoOffset),
                        traf(AUDIO_TRACK, audio, audioOffset)));
    }

    static ContainerBox traf(long trackId, List<byte[]> samples, int dataOffset) {
        LeafBox tfhd = LeafBox.of(
                "tfhd",
                new PayloadWriter()
                        .versionAndFlags(0, 0x20038)
                        .u32(trackId)
                        .u32(512)
                        .u32(0)
                        .u32(0x01010000)
                        .toByteArray());
        LeafBox tfdt = LeafBox.of(
                "tfdt", new PayloadWriter().versionAndFlags(1, 0).u64(0).toByteArray());
        PayloadWriter trun = new PayloadWriter()
                .versionAndFlags(0, 0x205)
                .u32(samples.size())
                .u32(dataOffset);
        trun.u32(0x02000000);
        for (byte[] sample : samples) {
            trun.u32(sample.length);
        }
        return ContainerBox.of("traf", List.of(tfhd, tfdt, LeafBox.of("trun", trun.toByteArray())));
    }

    /** A segment and its clear samples per track. */
    public record Segment(byte[] bytes, List<byte[]> video, List<byte[]> audio) {}
}
