package dev.reel.cmaf;

import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.MalformedBoxException;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.SampleEntries;
import dev.reel.cmaf.box.TrackExtends;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tracks a CMAF init segment (or any file with a {@code moov}) declares.
 *
 * @param tracks in {@code trak} order
 */
public record InitSegment(List<TrackInfo> tracks) {

    public InitSegment {
        tracks = List.copyOf(tracks);
    }

    /**
     * Reads the track list of an init segment, clear or protected.
     *
     * @throws MalformedBoxException if the bytes are not boxes, there is no {@code moov}, or a
     *     {@code trak} lacks a box every track must have
     */
    public static InitSegment parse(byte[] init) {
        return of(Boxes.parse(init));
    }

    /** Reads the track list from already parsed top-level boxes. */
    public static InitSegment of(List<? extends Box> topLevel) {
        if (!(Boxes.first(topLevel, "moov") instanceof ContainerBox moov)) {
            throw new MalformedBoxException("Not an init segment: no 'moov' box");
        }
        List<TrackExtends> trexes = new ArrayList<>();
        ContainerBox mvex = moov.container("mvex");
        if (mvex != null) {
            for (Box trex : mvex.children("trex")) {
                trexes.add(TrackExtends.parse(trex));
            }
        }
        List<TrackInfo> tracks = new ArrayList<>();
        for (Box box : moov.children("trak")) {
            tracks.add(track((ContainerBox) box, trexes));
        }
        return new InitSegment(tracks);
    }

    /** The track with {@code trackId}, or null. */
    public @Nullable TrackInfo track(long trackId) {
        for (TrackInfo track : tracks) {
            if (track.trackId() == trackId) {
                return track;
            }
        }
        return null;
    }

    private static TrackInfo track(ContainerBox trak, List<TrackExtends> trexes) {
        PayloadReader tkhd = reader(trak.find("tkhd"), "trak/tkhd");
        int tkhdVersion = tkhd.u8();
        tkhd.skip(3 + (tkhdVersion == 1 ? 16 : 8));
        long trackId = tkhd.u32();

        PayloadReader mdhd = reader(trak.find("mdia/mdhd"), "trak/mdia/mdhd");
        int mdhdVersion = mdhd.u8();
        mdhd.skip(3 + (mdhdVersion == 1 ? 16 : 8));
        long timescale = mdhd.u32();

        PayloadReader hdlr = reader(trak.find("mdia/hdlr"), "trak/mdia/hdlr");
        hdlr.skip(8);
        String handler = hdlr.fourCc();

        String entryType = "";
        String codingName = "";
        int nalLengthSize = 0;
        if (trak.find("mdia/minf/stbl/stsd") instanceof ContainerBox stsd
                && !stsd.children().isEmpty()) {
            Box entry = stsd.children().getFirst();
            entryType = entry.type();
            codingName = entryType;
            if (entry instanceof ContainerBox sampleEntry) {
                if (sampleEntry.find("sinf/frma") instanceof LeafBox frma) {
                    codingName = PayloadReader.of(frma).fourCc();
                }
                nalLengthSize = nalLengthSize(sampleEntry, codingName);
            }
        }
        long defaultSampleSize = 0;
        for (TrackExtends trex : trexes) {
            if (trex.trackId() == trackId) {
                defaultSampleSize = trex.defaultSampleSize();
            }
        }
        boolean protectedEntry = entryType.equals("encv") || entryType.equals("enca");
        return new TrackInfo(
                trackId,
                TrackKind.ofHandler(handler),
                handler,
                entryType,
                codingName,
                timescale,
                nalLengthSize,
                defaultSampleSize,
                protectedEntry);
    }

    private static int nalLengthSize(ContainerBox sampleEntry, String codingName) {
        String configType;
        int offset;
        if (SampleEntries.AVC.contains(codingName)) {
            configType = "avcC";
            offset = 4;
        } else if (SampleEntries.HEVC.contains(codingName)) {
            configType = "hvcC";
            offset = 21;
        } else {
            return 0;
        }
        PayloadReader config = reader(sampleEntry.child(configType), sampleEntry.type() + "/" + configType);
        config.skip(offset);
        int size = (config.u8() & 0x3) + 1;
        if (size == 3) {
            throw new MalformedBoxException(configType + " declares a NAL length size of 3 bytes");
        }
        return size;
    }

    private static PayloadReader reader(@Nullable Box box, String path) {
        if (!(box instanceof LeafBox leaf)) {
            throw new MalformedBoxException("Init segment lacks " + path);
        }
        return PayloadReader.of(leaf);
    }
}
