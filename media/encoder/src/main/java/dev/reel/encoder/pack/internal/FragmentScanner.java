package dev.reel.encoder.pack.internal;

import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.MalformedBoxException;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.TrackFragmentHeader;

/**
 * Reads the timing of a media segment of one track from its {@code moof} boxes: {@code tfdt} and the sample durations
 * and composition offsets of every {@code trun}, with {@code tfhd} and {@code trex} defaults. Immutable.
 */
public final class FragmentScanner {

    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_COMPOSITION_OFFSET = 0x800;

    private final long trackId;
    private final long trexDefaultDuration;

    public FragmentScanner(InitInfo init) {
        this.trackId = init.trackId();
        this.trexDefaultDuration = init.defaultSampleDuration();
    }

    /**
     * The timing of {@code segment}.
     *
     * @throws MalformedBoxException if it has no fragment of the track, a fragment lacks {@code tfdt}, a sample has no
     *     duration, or boxes are truncated
     */
    public SegmentTiming scan(byte[] segment) {
        long decodeTime = -1;
        long start = Long.MAX_VALUE;
        long duration = 0;
        int samples = 0;
        long firstSampleDuration = -1;
        for (Box box : Boxes.parse(segment)) {
            if (!box.type().equals("moof") || !(box instanceof ContainerBox moof)) {
                continue;
            }
            for (Box child : moof.children("traf")) {
                ContainerBox traf = (ContainerBox) child;
                Box tfhdBox = traf.child("tfhd");
                if (tfhdBox == null) {
                    throw new MalformedBoxException("traf lacks tfhd");
                }
                TrackFragmentHeader tfhd = TrackFragmentHeader.parse(tfhdBox);
                if (tfhd.trackId() != trackId) {
                    continue;
                }
                if (!(traf.child("tfdt") instanceof LeafBox tfdt)) {
                    throw new MalformedBoxException("traf of track " + trackId + " lacks tfdt");
                }
                PayloadReader tfdtIn = PayloadReader.of(tfdt);
                long dts = tfdtIn.u8() == 1
                        ? skipFlags(tfdtIn).u64()
                        : skipFlags(tfdtIn).u32();
                if (decodeTime < 0) {
                    decodeTime = dts;
                }
                long defaultDuration = tfhd.has(TrackFragmentHeader.FLAG_DEFAULT_SAMPLE_DURATION)
                        ? tfhd.defaultSampleDuration()
                        : trexDefaultDuration;
                for (Box trunBox : traf.children("trun")) {
                    PayloadReader trun = PayloadReader.of((LeafBox) trunBox);
                    int version = trun.u8();
                    int flags = trun.u24();
                    long count = trun.u32();
                    if ((flags & TRUN_DATA_OFFSET) != 0) {
                        trun.skip(4);
                    }
                    if ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0) {
                        trun.skip(4);
                    }
                    for (long i = 0; i < count; i++) {
                        long sampleDuration = (flags & TRUN_DURATION) != 0 ? trun.u32() : defaultDuration;
                        if ((flags & TRUN_SIZE) != 0) {
                            trun.skip(4);
                        }
                        if ((flags & TRUN_FLAGS) != 0) {
                            trun.skip(4);
                        }
                        long offset = 0;
                        if ((flags & TRUN_COMPOSITION_OFFSET) != 0) {
                            offset = version == 0 ? trun.u32() : trun.s32();
                        }
                        if (sampleDuration <= 0) {
                            throw new MalformedBoxException("sample of track " + trackId + " has no duration");
                        }
                        if (firstSampleDuration < 0) {
                            firstSampleDuration = sampleDuration;
                        }
                        start = Math.min(start, dts + offset);
                        dts += sampleDuration;
                        duration += sampleDuration;
                        samples++;
                    }
                }
            }
        }
        if (samples == 0) {
            throw new MalformedBoxException("segment holds no samples of track " + trackId);
        }
        return new SegmentTiming(decodeTime, start, duration, samples, firstSampleDuration);
    }

    private static PayloadReader skipFlags(PayloadReader in) {
        in.skip(3);
        return in;
    }
}
