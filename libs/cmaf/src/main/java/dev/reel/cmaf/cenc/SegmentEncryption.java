package dev.reel.cmaf.cenc;

import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackInfo;
import dev.reel.cmaf.TrackKind;
import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.MalformedBoxException;
import dev.reel.cmaf.box.PayloadWriter;
import dev.reel.cmaf.box.SampleEntries;
import dev.reel.cmaf.box.SegmentIndex;
import dev.reel.cmaf.box.TrackFragmentHeader;
import dev.reel.cmaf.box.TrackRun;
import dev.reel.cmaf.cenc.ProtectionBoxes.SampleAux;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts one media segment. Single use, not thread-safe.
 *
 * <p>Works in three passes over the top-level boxes: (1) plan every {@code moof}: resolve each
 * sample's byte range from {@code tfhd}/{@code trun}/{@code trex}, choose IVs and subsamples, and
 * build the new {@code moof} with placeholder offsets; (2) lay out the new segment (only {@code
 * moof}s change size) and map old byte positions to new ones; (3) fill in {@code trun} data
 * offsets, {@code saio} offsets and {@code sidx} sizes, encrypt the samples in place and write.
 * Every {@code tfhd} is normalised to default-base-is-moof with explicit {@code trun} data offsets,
 * so offsets are unambiguous whatever addressing the input used.
 */
final class SegmentEncryption {

    private static final Set<String> PROTECTION_BOXES = Set.of("senc", "saiz", "saio");

    private final byte[] data;
    private final InitSegment init;
    private final SecretKeySpec key;
    private final IvGenerator ivs;
    private final List<Box> top;
    private final long[] oldStart;
    private long[] newStart = new long[0];
    private final @Nullable Box[] replaced;

    SegmentEncryption(byte[] data, InitSegment init, SecretKeySpec key, IvGenerator ivs) {
        this.data = data;
        this.init = init;
        this.key = key;
        this.ivs = ivs;
        this.top = Boxes.parse(data);
        this.oldStart = new long[top.size() + 1];
        for (int i = 0; i < top.size(); i++) {
            oldStart[i + 1] = oldStart[i] + top.get(i).size();
        }
        this.replaced = new Box[top.size()];
    }

    byte[] run() {
        List<MoofPlan> moofs = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).type().equals("moof") && top.get(i) instanceof ContainerBox moof) {
                moofs.add(planMoof(i, moof));
            }
        }
        if (moofs.isEmpty()) {
            throw new MalformedBoxException("Not a media segment: no 'moof' box");
        }
        checkNoOverlap(moofs);

        newStart = new long[top.size() + 1];
        for (int i = 0; i < top.size(); i++) {
            long size = top.get(i).size();
            for (MoofPlan moof : moofs) {
                if (moof.index == i) {
                    size = moof.build(null).size();
                }
            }
            newStart[i + 1] = newStart[i] + size;
        }
        if (newStart[top.size()] > Box.MAX_SIZE) {
            throw new IllegalArgumentException("Encrypted segment would be too large");
        }
        for (MoofPlan moof : moofs) {
            ContainerBox built = moof.build(this);
            if (built.size() != newStart[moof.index + 1] - newStart[moof.index]) {
                throw new IllegalStateException("moof size changed between layout and write");
            }
            replaced[moof.index] = built;
        }
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).type().equals("sidx")) {
                replaced[i] = fixSidx(i);
            }
        }

        byte[] work = data.clone();
        encryptSamples(work, moofs);

        PayloadWriter out = new PayloadWriter((int) newStart[top.size()]);
        for (int i = 0; i < top.size(); i++) {
            Box box = replaced[i];
            if (box != null) {
                box.writeTo(out);
            } else {
                out.bytes(work, (int) oldStart[i], (int) (oldStart[i + 1] - oldStart[i]));
            }
        }
        return out.toByteArray();
    }

    /** Maps a byte position in the input to the same byte in the output. */
    long map(long oldPos) {
        int n = top.size();
        if (oldPos == oldStart[n]) {
            return newStart[n];
        }
        if (oldPos < 0 || oldPos > oldStart[n]) {
            throw new MalformedBoxException("Offset " + oldPos + " lies outside the " + oldStart[n] + "-byte segment");
        }
        int i = Arrays.binarySearch(oldStart, 0, n, oldPos);
        if (i >= 0) {
            return newStart[i];
        }
        i = -i - 2;
        boolean resized = newStart[i + 1] - newStart[i] != oldStart[i + 1] - oldStart[i];
        if (resized) {
            throw new MalformedBoxException(
                    "Offset " + oldPos + " points inside '" + top.get(i).type() + "'");
        }
        return newStart[i] + (oldPos - oldStart[i]);
    }

    private MoofPlan planMoof(int index, ContainerBox moof) {
        List<TrafPlan> trafs = new ArrayList<>();
        long moofStart = oldStart[index];
        long previousEnd = moofStart;
        List<Box> children = moof.children();
        for (int c = 0; c < children.size(); c++) {
            if (children.get(c).type().equals("traf") && children.get(c) instanceof ContainerBox traf) {
                TrafPlan plan = planTraf(c, traf, moofStart, trafs.isEmpty(), previousEnd);
                previousEnd = plan.dataEnd;
                trafs.add(plan);
            }
        }
        return new MoofPlan(index, moof, trafs);
    }

    private TrafPlan planTraf(int childIndex, ContainerBox traf, long moofStart, boolean first, long previousEnd) {
        int tfhdIndex = -1;
        List<Integer> trunIndexes = new ArrayList<>();
        for (int c = 0; c < traf.children().size(); c++) {
            String type = traf.children().get(c).type();
            if (type.equals("tfhd") && tfhdIndex < 0) {
                tfhdIndex = c;
            } else if (type.equals("trun")) {
                trunIndexes.add(c);
            } else if (PROTECTION_BOXES.contains(type)) {
                throw new IllegalArgumentException("Segment is already encrypted: 'traf' contains '" + type + "'");
            }
        }
        if (tfhdIndex < 0) {
            throw new MalformedBoxException("'traf' lacks 'tfhd'");
        }
        TrackFragmentHeader tfhd = TrackFragmentHeader.parse(traf.children().get(tfhdIndex));
        TrackInfo track = init.track(tfhd.trackId());
        if (track == null) {
            throw new IllegalArgumentException(
                    "Fragment refers to track " + tfhd.trackId() + ", which the init segment" + " does not declare");
        }
        boolean encrypt = track.kind() != TrackKind.OTHER;
        NalSubsamples.@Nullable Syntax syntax = null;
        if (encrypt) {
            CencEncryptor.requireSupported(track.codingName(), track.kind());
            if (SampleEntries.AVC.contains(track.codingName())) {
                syntax = NalSubsamples.Syntax.AVC;
            } else if (SampleEntries.HEVC.contains(track.codingName())) {
                syntax = NalSubsamples.Syntax.HEVC;
            }
        }

        long base;
        if (tfhd.has(TrackFragmentHeader.FLAG_BASE_DATA_OFFSET)) {
            base = tfhd.baseDataOffset();
        } else if (tfhd.has(TrackFragmentHeader.FLAG_DEFAULT_BASE_IS_MOOF) || first) {
            base = moofStart;
        } else {
            base = previousEnd;
        }
        long defaultSize = tfhd.has(TrackFragmentHeader.FLAG_DEFAULT_SAMPLE_SIZE)
                ? tfhd.defaultSampleSize()
                : track.defaultSampleSize();

        List<TrackRun> runs = new ArrayList<>();
        List<Long> runStarts = new ArrayList<>();
        List<long[]> samples = new ArrayList<>();
        long cursor = base;
        for (int k = 0; k < trunIndexes.size(); k++) {
            TrackRun run = TrackRun.parse(traf.children().get(trunIndexes.get(k)));
            long start = run.has(TrackRun.FLAG_DATA_OFFSET) ? base + run.dataOffset() : (k == 0 ? base : cursor);
            cursor = start;
            for (int s = 0; s < run.sampleCount(); s++) {
                long size = run.sampleSize(s, defaultSize);
                if (cursor < 0 || size > data.length - cursor) {
                    throw new MalformedBoxException("Track " + tfhd.trackId() + ": sample " + samples.size()
                            + " at byte " + cursor + " (+" + size + ") lies outside the " + data.length
                            + "-byte segment");
                }
                samples.add(new long[] {cursor, size});
                cursor += size;
            }
            runs.add(run);
            runStarts.add(start);
        }

        List<SampleAux> aux = new ArrayList<>();
        if (encrypt) {
            int maxSubsamples = (255 - ivs.size() - 2) / 6;
            for (long[] sample : samples) {
                requireInMdat(sample[0], sample[1], tfhd.trackId());
                List<Subsample> subsamples = List.of();
                long protectedBytes = sample[1];
                if (syntax != null) {
                    try {
                        subsamples = NalSubsamples.split(
                                data, (int) sample[0], (int) sample[1], track.nalLengthSize(), syntax);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "Track " + tfhd.trackId() + ", sample " + aux.size() + ": " + e.getMessage(), e);
                    }
                    if (subsamples.size() > maxSubsamples) {
                        throw new IllegalArgumentException("Track " + tfhd.trackId() + ", sample " + aux.size()
                                + " has " + subsamples.size() + " subsamples; 'saiz' allows at most " + maxSubsamples);
                    }
                    protectedBytes = subsamples.stream()
                            .mapToLong(Subsample::protectedBytes)
                            .sum();
                }
                aux.add(new SampleAux(ivs.next(protectedBytes), subsamples));
            }
        }
        return new TrafPlan(
                childIndex,
                traf,
                tfhdIndex,
                tfhd.withDefaultBaseIsMoof(),
                trunIndexes,
                runs,
                runStarts,
                samples,
                encrypt,
                syntax != null,
                aux,
                cursor);
    }

    private void requireInMdat(long pos, long size, long trackId) {
        int n = top.size();
        int i = Arrays.binarySearch(oldStart, 0, n, pos);
        i = i >= 0 ? i : -i - 2;
        if (i < 0
                || i >= n
                || !top.get(i).type().equals("mdat")
                || pos < oldStart[i] + top.get(i).headerSize()
                || pos + size > oldStart[i + 1]) {
            throw new MalformedBoxException(
                    "Track " + trackId + ": sample data at byte " + pos + " (+" + size + ") is not inside an 'mdat'");
        }
    }

    private static void checkNoOverlap(List<MoofPlan> moofs) {
        List<long[]> ranges = new ArrayList<>();
        for (MoofPlan moof : moofs) {
            for (TrafPlan traf : moof.trafs) {
                if (traf.encrypt) {
                    ranges.addAll(traf.samples);
                }
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        for (int i = 1; i < ranges.size(); i++) {
            long[] prev = ranges.get(i - 1);
            if (ranges.get(i)[0] < prev[0] + prev[1]) {
                throw new MalformedBoxException("Sample data ranges overlap at byte " + ranges.get(i)[0]);
            }
        }
    }

    private SegmentIndex.Reference resized(SegmentIndex.Reference ref, long newSize) {
        return new SegmentIndex.Reference(ref.referencesIndex(), newSize, ref.subsegmentDuration(), ref.sapBits());
    }

    private Box fixSidx(int index) {
        SegmentIndex sidx = SegmentIndex.parse(top.get(index));
        long oldEnd = oldStart[index + 1];
        long cursor = oldEnd + sidx.firstOffset();
        long newFirst = map(cursor) - newStart[index + 1];
        List<SegmentIndex.Reference> refs = new ArrayList<>();
        for (SegmentIndex.Reference ref : sidx.references()) {
            long end = cursor + ref.referencedSize();
            if (end > oldStart[top.size()]) {
                throw new MalformedBoxException("'sidx' references bytes beyond the end of the segment");
            }
            refs.add(resized(ref, map(end) - map(cursor)));
            cursor = end;
        }
        return sidx.withOffsets(newFirst, refs).toBox();
    }

    private void encryptSamples(byte[] work, List<MoofPlan> moofs) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            for (MoofPlan moof : moofs) {
                for (TrafPlan traf : moof.trafs) {
                    if (!traf.encrypt) {
                        continue;
                    }
                    for (int s = 0; s < traf.samples.size(); s++) {
                        long[] sample = traf.samples.get(s);
                        SampleAux aux = traf.aux.get(s);
                        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IvGenerator.counterBlock(aux.iv())));
                        int pos = (int) sample[0];
                        if (traf.useSubsamples) {
                            for (Subsample sub : aux.subsamples()) {
                                pos += sub.clearBytes();
                                crypt(cipher, work, pos, (int) sub.protectedBytes());
                                pos += (int) sub.protectedBytes();
                            }
                        } else {
                            crypt(cipher, work, pos, (int) sample[1]);
                        }
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR unavailable", e);
        }
    }

    private static void crypt(Cipher cipher, byte[] work, int pos, int length) throws GeneralSecurityException {
        if (length == 0) {
            return;
        }
        int written = cipher.update(work, pos, length, work, pos);
        if (written != length) {
            throw new IllegalStateException("AES-CTR returned " + written + " of " + length + " bytes");
        }
    }

    private record MoofPlan(int index, ContainerBox moof, List<TrafPlan> trafs) {

        /** The new moof; with a null layout, offsets are placeholders of the right size. */
        ContainerBox build(@Nullable SegmentEncryption layout) {
            ContainerBox shape = assemble(null, 0);
            if (layout == null) {
                return shape;
            }
            return assemble(layout, layout.newStart[index]);
        }

        private ContainerBox assemble(@Nullable SegmentEncryption layout, long newMoofStart) {
            ContainerBox current = moof;
            for (TrafPlan traf : trafs) {
                current = current.withChild(traf.childIndex, traf.build(layout, newMoofStart, 0));
            }
            if (layout == null) {
                return current;
            }
            // saio offsets depend on where each senc ends up inside the finished moof.
            ContainerBox shaped = current;
            for (TrafPlan traf : trafs) {
                if (traf.hasProtectionBoxes()) {
                    ContainerBox builtTraf = (ContainerBox) shaped.children().get(traf.childIndex);
                    long sencOffset = shaped.childOffset(traf.childIndex)
                            + builtTraf.childOffset(builtTraf.children().size() - 1)
                            + ProtectionBoxes.SENC_FIRST_IV_OFFSET;
                    current = current.withChild(traf.childIndex, traf.build(layout, newMoofStart, sencOffset));
                }
            }
            return current;
        }
    }

    private record TrafPlan(
            int childIndex,
            ContainerBox traf,
            int tfhdIndex,
            TrackFragmentHeader tfhd,
            List<Integer> trunIndexes,
            List<TrackRun> runs,
            List<Long> oldRunStarts,
            List<long[]> samples,
            boolean encrypt,
            boolean useSubsamples,
            List<SampleAux> aux,
            long dataEnd) {

        boolean hasProtectionBoxes() {
            return encrypt && !samples.isEmpty();
        }

        ContainerBox build(@Nullable SegmentEncryption layout, long newMoofStart, long saioOffset) {
            List<Box> children = new ArrayList<>(traf.children());
            children.set(tfhdIndex, tfhd.toBox());
            for (int k = 0; k < runs.size(); k++) {
                long offset = layout == null ? 0 : layout.map(oldRunStarts.get(k)) - newMoofStart;
                if (offset < Integer.MIN_VALUE || offset > Integer.MAX_VALUE) {
                    throw new MalformedBoxException("trun data offset " + offset + " does not fit 32 bits");
                }
                children.set(
                        trunIndexes.get(k),
                        runs.get(k).withDataOffset((int) offset).toBox());
            }
            if (hasProtectionBoxes()) {
                children.add(ProtectionBoxes.saiz(aux, useSubsamples));
                children.add(ProtectionBoxes.saio(saioOffset));
                children.add(ProtectionBoxes.senc(aux, useSubsamples));
            }
            return traf.withChildren(children);
        }
    }
}
