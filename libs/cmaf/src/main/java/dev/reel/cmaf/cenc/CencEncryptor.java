package dev.reel.cmaf.cenc;

import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackKind;
import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.MalformedBoxException;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.SampleEntries;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts clear CMAF init and media segments (as ffmpeg writes them) with Common Encryption,
 * scheme 'cenc' (AES-128-CTR, ISO/IEC 23001-7), using one key for every video and audio track.
 *
 * <p>{@link #encryptInit(byte[])} turns each video and audio sample entry into {@code encv}/{@code
 * enca} with a {@code sinf} ({@code frma}, {@code schm} 'cenc', {@code tenc} with the default key
 * ID) and adds a W3C common ({@code 1077efec-...}, ClearKey) {@code pssh} listing the key ID.
 * {@link #encryptSegment(byte[], InitSegment)} encrypts every sample of those tracks and adds
 * {@code senc}, {@code saiz} and {@code saio} to each {@code traf}, fixing {@code trun} data
 * offsets and {@code sidx} sizes for the bigger {@code moof}. Other tracks (subtitles, metadata)
 * stay clear. Supported codecs: H.264 and H.265 (subsample encryption, see {@link NalSubsamples})
 * and AAC, Opus, FLAC, AC-3, E-AC-3 (whole samples). VP9 and AV1 need codec-aware subsamples and
 * are refused; 'cbcs' (needed for HLS SAMPLE-AES and FairPlay) is not implemented.
 *
 * <p>Every sample gets a fresh IV from a per-instance counter with a random start, so IVs never
 * repeat within one instance. Different instances using the same key start at independent random
 * points; use one instance per key where practical.
 *
 * <p>Instances are immutable apart from that atomic counter and are safe to share between threads.
 */
public final class CencEncryptor {

    /** Coding names whose samples can be encrypted. */
    static final Set<String> SUPPORTED_CODINGS;

    static {
        Set<String> codings = new HashSet<>(SampleEntries.AVC);
        codings.addAll(SampleEntries.HEVC);
        codings.addAll(Set.of("mp4a", "Opus", "fLaC", "ac-3", "ec-3"));
        SUPPORTED_CODINGS = Set.copyOf(codings);
    }

    private final byte[] keyId;
    private final SecretKeySpec key;
    private final boolean commonPssh;
    private final IvGenerator ivs;

    private CencEncryptor(Builder b) {
        this.keyId = requireLength(b.keyId, "keyId").clone();
        this.key = new SecretKeySpec(requireLength(b.key, "key"), "AES");
        this.commonPssh = b.commonPssh;
        this.ivs = new IvGenerator(b.ivSize, b.random != null ? b.random : new SecureRandom());
    }

    private static byte[] requireLength(byte @Nullable [] value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required");
        }
        if (value.length != 16) {
            throw new IllegalArgumentException(name + " must be 16 bytes, not " + value.length);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of the key ID written into {@code tenc} and {@code pssh}. */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** Per-sample IV size in bytes: 8 or 16. */
    public int ivSize() {
        return ivs.size();
    }

    /**
     * Returns a protected copy of a clear init segment. Unknown boxes are copied byte for byte.
     *
     * @throws MalformedBoxException if {@code clearInit} is not a well-formed init segment
     * @throws IllegalArgumentException if it has no video or audio track, or is already protected
     * @throws UnsupportedOperationException if a video or audio track uses a codec this class cannot
     *     encrypt (VP9, AV1, ...)
     */
    public byte[] encryptInit(byte[] clearInit) {
        List<Box> top = new ArrayList<>(Boxes.parse(clearInit));
        int moovIndex = indexOf(top, "moov");
        if (moovIndex < 0 || !(top.get(moovIndex) instanceof ContainerBox moov)) {
            throw new MalformedBoxException("Not an init segment: no 'moov' box");
        }
        List<Box> children = new ArrayList<>();
        int protectedTracks = 0;
        for (Box child : moov.children()) {
            if (child.type().equals("trak") && child instanceof ContainerBox trak) {
                ContainerBox result = protectTrack(trak);
                if (result != trak) {
                    protectedTracks++;
                }
                children.add(result);
            } else {
                children.add(child);
            }
        }
        if (protectedTracks == 0) {
            throw new IllegalArgumentException("Init segment has no video or audio track to encrypt");
        }
        if (commonPssh) {
            children.add(ProtectionBoxes.commonPssh(List.of(keyId)));
        }
        top.set(moovIndex, moov.withChildren(children));
        return Boxes.write(top);
    }

    /**
     * Returns an encrypted copy of a clear media segment ({@code styp}? {@code sidx}* ({@code moof}
     * {@code mdat})+, other boxes copied as they are).
     *
     * @param init the segment's init segment, clear or already protected by {@link #encryptInit}
     * @throws MalformedBoxException if the segment is malformed, has no {@code moof}, or its sample
     *     data lies outside its {@code mdat} boxes
     * @throws IllegalArgumentException if a fragment refers to a track {@code init} lacks, is already
     *     encrypted, or a video sample is not length-prefixed NAL units
     * @throws UnsupportedOperationException for codecs {@link #encryptInit} refuses
     */
    public byte[] encryptSegment(byte[] clearSegment, InitSegment init) {
        return new SegmentEncryption(clearSegment, init, key, ivs).run();
    }

    private ContainerBox protectTrack(ContainerBox trak) {
        if (!(trak.find("mdia/hdlr") instanceof LeafBox hdlrBox)) {
            throw new MalformedBoxException("'trak' lacks mdia/hdlr");
        }
        PayloadReader hdlr = PayloadReader.of(hdlrBox);
        hdlr.skip(8);
        TrackKind kind = TrackKind.ofHandler(hdlr.fourCc());
        if (kind == TrackKind.OTHER) {
            return trak;
        }
        ContainerBox mdia = requireContainer(trak, "mdia");
        ContainerBox minf = requireContainer(mdia, "minf");
        ContainerBox stbl = requireContainer(minf, "stbl");
        ContainerBox stsd = requireContainer(stbl, "stsd");
        List<Box> entries = new ArrayList<>();
        for (Box entry : stsd.children()) {
            entries.add(protectEntry(entry, kind));
        }
        ContainerBox newStsd = stsd.withChildren(entries);
        ContainerBox newStbl = replace(stbl, stsd, newStsd);
        ContainerBox newMinf = replace(minf, stbl, newStbl);
        ContainerBox newMdia = replace(mdia, minf, newMinf);
        return replace(trak, mdia, newMdia);
    }

    private Box protectEntry(Box entry, TrackKind kind) {
        String type = entry.type();
        if (type.equals("encv") || type.equals("enca")) {
            throw new IllegalArgumentException("Sample entry is already protected ('" + type + "')");
        }
        requireSupported(type, kind);
        if (!(entry instanceof ContainerBox sampleEntry)) {
            throw new MalformedBoxException("Sample entry '" + type + "' could not be parsed");
        }
        String protectedType = kind == TrackKind.VIDEO ? "encv" : "enca";
        return sampleEntry.withType(protectedType).plus(ProtectionBoxes.sinf(type, keyId, ivs.size()));
    }

    static void requireSupported(String codingName, TrackKind kind) {
        boolean visual = SampleEntries.VISUAL.contains(codingName);
        boolean audio = SampleEntries.AUDIO.contains(codingName);
        if (!SUPPORTED_CODINGS.contains(codingName)
                || (kind == TrackKind.VIDEO && !visual)
                || (kind == TrackKind.AUDIO && !audio)) {
            throw new UnsupportedOperationException(
                    "Cannot encrypt " + kind.name().toLowerCase(Locale.ROOT)
                            + " sample entry '" + codingName + "' with 'cenc': supported are H.264/H.265 video and"
                            + " AAC/Opus/FLAC/AC-3/E-AC-3 audio (VP9 and AV1 need codec-aware subsamples)");
        }
    }

    private static ContainerBox requireContainer(ContainerBox parent, String type) {
        ContainerBox child = parent.container(type);
        if (child == null) {
            throw new MalformedBoxException("'" + parent.type() + "' lacks '" + type + "'");
        }
        return child;
    }

    private static ContainerBox replace(ContainerBox parent, Box oldChild, Box newChild) {
        List<Box> children = parent.children();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == oldChild) {
                return parent.withChild(i, newChild);
            }
        }
        throw new IllegalStateException("'" + oldChild.type() + "' is not a child of '" + parent.type() + "'");
    }

    private static int indexOf(List<Box> boxes, String type) {
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** Configures a {@link CencEncryptor}. Not thread-safe; {@link #build()} copies what it needs. */
    public static final class Builder {

        private byte @Nullable [] keyId;
        private byte @Nullable [] key;
        private int ivSize = 8;
        private boolean commonPssh = true;
        private @Nullable RandomGenerator random;

        private Builder() {}

        /** The 16-byte key ID (KID) written to {@code tenc} and {@code pssh}. Required. */
        public Builder keyId(byte[] keyId) {
            this.keyId = keyId.clone();
            return this;
        }

        /** The 16-byte AES-128 content key. Required. */
        public Builder key(byte[] key) {
            this.key = key.clone();
            return this;
        }

        /** Per-sample IV size, 8 (default) or 16 bytes. */
        public Builder ivSize(int ivSize) {
            if (ivSize != 8 && ivSize != 16) {
                throw new IllegalArgumentException("IV size must be 8 or 16, not " + ivSize);
            }
            this.ivSize = ivSize;
            return this;
        }

        /** Whether {@link #encryptInit} adds a W3C common (ClearKey) {@code pssh}; default true. */
        public Builder commonPssh(boolean commonPssh) {
            this.commonPssh = commonPssh;
            return this;
        }

        /**
         * The randomness for the IV counter's starting point; default a new {@link SecureRandom}.
         * Only tests should pass anything else (a seeded generator makes output reproducible).
         */
        public Builder ivRandom(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * @throws IllegalStateException if the key or key ID is missing
         * @throws IllegalArgumentException if either is not 16 bytes
         */
        public CencEncryptor build() {
            return new CencEncryptor(this);
        }
    }
}
