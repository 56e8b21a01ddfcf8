package dev.reel.cmaf.cenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.cmaf.Fixtures;
import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackInfo;
import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.LeafBox;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.PayloadWriter;
import dev.reel.cmaf.box.SegmentIndex;
import dev.reel.cmaf.box.TrackFragmentHeader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CencEncryptorTest {

    private static final byte[] KID = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef");
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    private static CencEncryptor encryptor(int ivSize) {
        return CencEncryptor.builder().keyId(KID).key(KEY).ivSize(ivSize).build();
    }

    @Test
    void initGetsProtectedSampleEntriesAndCommonPssh() {
        byte[] clear = Fixtures.init();

        byte[] protectedInit = encryptor(8).encryptInit(clear);

        ContainerBox moov = (ContainerBox) Boxes.parse(protectedInit).get(1);
        ContainerBox encv = (ContainerBox) moov.find("trak/mdia/minf/stbl/stsd/encv");
        assertThat(encv.children()).extracting(Box::type).containsExactly("avcC", "pasp", "sinf");
        assertThat(PayloadReader.of((LeafBox) encv.find("sinf/frma")).fourCc()).isEqualTo("avc1");
        PayloadReader schm = PayloadReader.of((LeafBox) encv.find("sinf/schm"));
        schm.skip(4);
        assertThat(schm.fourCc()).isEqualTo("cenc");
        assertThat(schm.u32()).isEqualTo(0x10000);
        PayloadReader tenc = PayloadReader.of((LeafBox) encv.find("sinf/schi/tenc"));
        tenc.skip(6);
        assertThat(tenc.u8()).as("isProtected").isEqualTo(1);
        assertThat(tenc.u8()).as("IV size").isEqualTo(8);
        assertThat(tenc.bytes(16)).isEqualTo(KID);
        assertThat(moov.children().get(2).type()).isEqualTo("trak");
        ContainerBox audioStsd = (ContainerBox) ((ContainerBox) moov.children().get(2)).find("mdia/minf/stbl/stsd");
        assertThat(audioStsd.children().getFirst().type()).isEqualTo("enca");

        LeafBox pssh = (LeafBox) moov.children().getLast();
        assertThat(pssh.type()).isEqualTo("pssh");
        PayloadReader psshIn = PayloadReader.of(pssh);
        assertThat(psshIn.u8()).isEqualTo(1);
        psshIn.skip(3);
        assertThat(HexFormat.of().formatHex(psshIn.bytes(16))).isEqualTo("1077efecc0b24d02ace33c1e52e2fb4b");
        assertThat(psshIn.u32()).isEqualTo(1);
        assertThat(psshIn.bytes(16)).isEqualTo(KID);
        assertThat(psshIn.u32()).isZero();

        // Everything else is untouched.
        ContainerBox clearMoov = (ContainerBox) Boxes.parse(clear).get(1);
        assertThat(moov.child("mvex")).isEqualTo(clearMoov.child("mvex"));
        assertThat(moov.child("udta")).isEqualTo(clearMoov.child("udta"));
        assertThat(Boxes.parse(protectedInit).getFirst())
                .isEqualTo(Boxes.parse(clear).getFirst());

        InitSegment info = InitSegment.parse(protectedInit);
        TrackInfo video = info.track(Fixtures.VIDEO_TRACK);
        assertThat(video.protectedEntry()).isTrue();
        assertThat(video.sampleEntryType()).isEqualTo("encv");
        assertThat(video.codingName()).isEqualTo("avc1");
        assertThat(video.nalLengthSize()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void segmentDecryptsThroughSaizAndSaioToTheClearSamples(int ivSize) throws Exception {
        Fixtures.Segment clear = Fixtures.segment(42, 25, 40);
        CencEncryptor encryptor = encryptor(ivSize);
        InitSegment init = InitSegment.parse(encryptor.encryptInit(Fixtures.init()));

        byte[] encrypted = encryptor.encryptSegment(clear.bytes(), init);

        Map<Long, List<byte[]>> decrypted = TestDecryptor.decrypt(encrypted, KEY, ivSize);
        assertThat(decrypted.get(Fixtures.VIDEO_TRACK)).containsExactlyElementsOf(clear.video());
        assertThat(decrypted.get(Fixtures.AUDIO_TRACK)).containsExactlyElementsOf(clear.audio());
        assertThat(encrypted).hasSizeGreaterThan(clear.bytes().length);
    }

    @Test
    void segmentStructureIsRewrittenConsistently() {
        Fixtures.Segment clear = Fixtures.segment(1, 10, 15);
        CencEncryptor encryptor = encryptor(8);

        byte[] encrypted = encryptor.encryptSegment(clear.bytes(), InitSegment.parse(Fixtures.init()));

        List<Box> before = Boxes.parse(clear.bytes());
        List<Box> after = Boxes.parse(encrypted);
        assertThat(after).extracting(Box::type).containsExactly("styp", "sidx", "sidx", "moof", "mdat");
        assertThat(after.getFirst()).isEqualTo(before.getFirst());
        long growth = after.get(3).size() - before.get(3).size();
        assertThat(growth).isPositive();
        assertThat(after.get(4).size()).isEqualTo(before.get(4).size());

        // Both sidx still span moof + mdat, and the first still skips the second.
        long moofAndMdat = after.get(3).size() + after.get(4).size();
        SegmentIndex sidx1 = SegmentIndex.parse(after.get(1));
        SegmentIndex sidx2 = SegmentIndex.parse(after.get(2));
        assertThat(sidx1.references().getFirst().referencedSize()).isEqualTo(moofAndMdat);
        assertThat(sidx2.references().getFirst().referencedSize()).isEqualTo(moofAndMdat);
        assertThat(sidx1.firstOffset()).isEqualTo(after.get(2).size());
        assertThat(sidx2.firstOffset()).isZero();

        ContainerBox moof = (ContainerBox) after.get(3);
        ContainerBox videoTraf = (ContainerBox) moof.children().get(1);
        assertThat(videoTraf.children())
                .extracting(Box::type)
                .containsExactly("tfhd", "tfdt", "trun", "saiz", "saio", "senc");
        PayloadReader senc = PayloadReader.of((LeafBox) videoTraf.child("senc"));
        assertThat(senc.u8()).isZero();
        assertThat(senc.u24()).as("senc flags: subsamples").isEqualTo(2);
        assertThat(senc.u32()).isEqualTo(10);
        ContainerBox audioTraf = (ContainerBox) moof.children().get(2);
        PayloadReader audioSenc = PayloadReader.of((LeafBox) audioTraf.child("senc"));
        assertThat(audioSenc.u24() & 0xFFFF).as("no subsamples for audio").isZero();
        PayloadReader audioSaiz = PayloadReader.of((LeafBox) audioTraf.child("saiz"));
        audioSaiz.skip(4);
        assertThat(audioSaiz.u8()).as("default info size = IV size").isEqualTo(8);

        // Every IV in the segment is distinct.
        List<String> ivs = new ArrayList<>();
        for (ContainerBox traf : List.of(videoTraf, audioTraf)) {
            PayloadReader in = PayloadReader.of((LeafBox) traf.child("senc"));
            int flags = in.u8() << 24 | in.u24();
            long count = in.u32();
            for (int i = 0; i < count; i++) {
                ivs.add(HexFormat.of().formatHex(in.bytes(8)));
                if ((flags & 2) != 0) {
                    in.skip(6 * in.u16());
                }
            }
        }
        assertThat(ivs).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void absoluteBaseDataOffsetsAreNormalisedToMoofRelative() throws Exception {
        Fixtures.Segment clear = Fixtures.segment(3, 5, 5);
        List<Box> top = new ArrayList<>(Boxes.parse(clear.bytes()));
        // Rewrite the single moof so its trafs use absolute base_data_offset = moof position.
        long moofStart = top.get(0).size() + top.get(1).size() + top.get(2).size();
        ContainerBox moof = (ContainerBox) top.get(3);
        List<Box> children = new ArrayList<>();
        for (Box child : moof.children()) {
            if (child instanceof ContainerBox traf) {
                TrackFragmentHeader tfhd = TrackFragmentHeader.parse(traf.child("tfhd"));
                PayloadWriter w = new PayloadWriter()
                        .versionAndFlags(0, (tfhd.flags() & ~TrackFragmentHeader.FLAG_DEFAULT_BASE_IS_MOOF) | 1)
                        .u32(tfhd.trackId())
                        .u64(moofStart)
                        .u32(tfhd.defaultSampleDuration())
                        .u32(tfhd.defaultSampleSize())
                        .u32(tfhd.defaultSampleFlags());
                children.add(traf.withChild(0, LeafBox.of("tfhd", w.toByteArray())));
            } else {
                children.add(child);
            }
        }
        ContainerBox absolute = moof.withChildren(children);
        int growth = (int) (absolute.size() - moof.size());
        // Keep data offsets right: the moof grew by 8 bytes per traf.
        List<Box> fixed = new ArrayList<>();
        for (Box child : absolute.children()) {
            if (child instanceof ContainerBox traf) {
                var run = dev.reel.cmaf.box.TrackRun.parse(traf.child("trun"));
                fixed.add(traf.withChild(
                        2, run.withDataOffset(run.dataOffset() + growth).toBox()));
            } else {
                fixed.add(child);
            }
        }
        top.set(3, absolute.withChildren(fixed));
        top.set(
                1,
                Fixtures.sidx(
                        1, top.get(2).size(), top.get(3).size() + top.get(4).size()));
        top.set(2, Fixtures.sidx(2, 0, top.get(3).size() + top.get(4).size()));
        byte[] input = Boxes.write(top);

        byte[] encrypted = encryptor(8).encryptSegment(input, InitSegment.parse(Fixtures.init()));

        Map<Long, List<byte[]>> decrypted = TestDecryptor.decrypt(encrypted, KEY, 8);
        assertThat(decrypted.get(Fixtures.VIDEO_TRACK)).containsExactlyElementsOf(clear.video());
        assertThat(decrypted.get(Fixtures.AUDIO_TRACK)).containsExactlyElementsOf(clear.audio());
    }

    @Test
    void samplesAreActuallyEncrypted() {
        Fixtures.Segment clear = Fixtures.segment(5, 8, 8);

        byte[] encrypted = encryptor(8).encryptSegment(clear.bytes(), InitSegment.parse(Fixtures.init()));

        for (byte[] sample : clear.audio()) {
            assertThat(indexOf(encrypted, sample)).isNegative();
        }
        for (byte[] sample : clear.video()) {
            assertThat(indexOf(encrypted, sample)).isNegative();
        }
    }

    @Test
    void refusesWhatItCannotEncrypt() {
        CencEncryptor encryptor = encryptor(8);
        byte[] protectedInit = encryptor.encryptInit(Fixtures.init());
        Fixtures.Segment segment = Fixtures.segment(9, 2, 2);
        byte[] encrypted = encryptor.encryptSegment(segment.bytes(), InitSegment.parse(protectedInit));

        assertThatThrownBy(() -> encryptor.encryptInit(protectedInit)).hasMessageContaining("already protected");
        assertThatThrownBy(() -> encryptor.encryptSegment(encrypted, InitSegment.parse(protectedInit)))
                .hasMessageContaining("already encrypted");
        assertThatThrownBy(() -> encryptor.encryptInit(Fixtures.init("vp09", "mp4a")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("vp09");
        assertThatThrownBy(() -> encryptor.encryptInit(Fixtures.init("av01", "Opus")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> encryptor.encryptSegment(Fixtures.init(), InitSegment.parse(protectedInit)))
                .hasMessageContaining("no 'moof'");
        assertThatThrownBy(() -> encryptor.encryptInit(segment.bytes())).hasMessageContaining("no 'moov'");
        InitSegment audioOnly =
                new InitSegment(List.of(InitSegment.parse(protectedInit).track(2)));
        assertThatThrownBy(() -> encryptor.encryptSegment(segment.bytes(), audioOnly))
                .hasMessageContaining("track 1");
    }

    @Test
    void opusTracksAreEncryptable() {
        byte[] protectedInit = encryptor(8).encryptInit(Fixtures.init("hvc1", "Opus"));

        ContainerBox moov = (ContainerBox) Boxes.parse(protectedInit).get(1);
        assertThat(PayloadReader.of((LeafBox) moov.find("trak/mdia/minf/stbl/stsd/encv/sinf/frma"))
                        .fourCc())
                .isEqualTo("hvc1");
    }

    @Test
    void builderValidatesKeys() {
        assertThatThrownBy(() -> CencEncryptor.builder().key(KEY).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        CencEncryptor.builder().keyId(KID).key(new byte[15]).build())
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> CencEncryptor.builder().ivSize(12)).hasMessageContaining("8 or 16");
    }

    @Test
    void seededEncryptorsAreReproducible() {
        Fixtures.Segment clear = Fixtures.segment(11, 4, 4);
        InitSegment init = InitSegment.parse(Fixtures.init());
        CencEncryptor a = CencEncryptor.builder()
                .keyId(KID)
                .key(KEY)
                .ivRandom(new SplittableRandom(1))
                .build();
        CencEncryptor b = CencEncryptor.builder()
                .keyId(KID)
                .key(KEY)
                .ivRandom(new SplittableRandom(1))
                .build();

        assertThat(a.encryptSegment(clear.bytes(), init)).isEqualTo(b.encryptSegment(clear.bytes(), init));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
