package dev.reel.cmaf.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.cmaf.Fixtures;
import dev.reel.cmaf.InitSegment;
import dev.reel.cmaf.TrackKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxesTest {

    @Test
    void syntheticTreeRoundTripsByteForByte() {
        byte[] init = Fixtures.init();

        List<Box> parsed = Boxes.parse(init);

        assertThat(parsed).extracting(Box::type).containsExactly("ftyp", "moov");
        ContainerBox moov = (ContainerBox) parsed.get(1);
        assertThat(moov.children()).extracting(Box::type).containsExactly("mvhd", "trak", "trak", "mvex", "udta");
        assertThat(moov.find("trak/mdia/minf/stbl/stsd/avc1/avcC")).isInstanceOf(LeafBox.class);
        ContainerBox stsd = (ContainerBox) moov.find("trak/mdia/minf/stbl/stsd");
        assertThat(stsd.prefixSize()).isEqualTo(8);
        assertThat(((ContainerBox) stsd.children().getFirst()).prefixSize()).isEqualTo(78);
        assertThat(moov.find("udta")).isInstanceOf(LeafBox.class);
        assertThat(Boxes.write(parsed)).isEqualTo(init);
        assertThat(Boxes.parse(Boxes.write(parsed))).isEqualTo(parsed);
    }

    @Test
    void initSegmentDescribesItsTracks() {
        InitSegment init = InitSegment.parse(Fixtures.init());

        assertThat(init.tracks()).hasSize(2);
        assertThat(init.track(1).kind()).isEqualTo(TrackKind.VIDEO);
        assertThat(init.track(1).codingName()).isEqualTo("avc1");
        assertThat(init.track(1).nalLengthSize()).isEqualTo(4);
        assertThat(init.track(1).timescale()).isEqualTo(12800);
        assertThat(init.track(2).kind()).isEqualTo(TrackKind.AUDIO);
        assertThat(init.track(2).codingName()).isEqualTo("mp4a");
        assertThat(init.track(2).nalLengthSize()).isZero();
        assertThat(init.track(3)).isNull();
    }

    @Test
    void keepsLargeSizeHeadersAndUnknownBoxes() {
        byte[] raw = new PayloadWriter()
                .u32(1)
                .fourCc("free")
                .u64(20)
                .u32(0xCAFEBABEL)
                .u32(12)
                .fourCc("uuid")
                .u32(7)
                .toByteArray();

        List<Box> boxes = Boxes.parse(raw);

        assertThat(boxes.getFirst().largeSize()).isTrue();
        assertThat(boxes.getFirst().size()).isEqualTo(20);
        assertThat(Boxes.write(boxes)).isEqualTo(raw);
    }

    @Test
    void sizeZeroExtendsToTheEnd() {
        byte[] raw = new PayloadWriter().u32(0).fourCc("mdat").u32(42).u32(43).toByteArray();

        List<Box> boxes = Boxes.parse(raw);

        assertThat(((LeafBox) boxes.getFirst()).payloadSize()).isEqualTo(8);
        assertThat(Boxes.parse(Boxes.write(boxes))).isEqualTo(boxes);
    }

    @Test
    void editedTreeRecomputesSizes() {
        ContainerBox moov = (ContainerBox) Boxes.parse(Fixtures.init()).get(1);
        long before = moov.size();

        ContainerBox bigger = moov.plus(LeafBox.of("pssh", new byte[40]));

        assertThat(bigger.size()).isEqualTo(before + 48);
        assertThat(moov.size()).isEqualTo(before);
        assertThat(Boxes.parse(Boxes.write(bigger)).getFirst()).isEqualTo(bigger);
    }

    @Test
    void rejectsBadSizesAndTruncation() {
        assertThatThrownBy(() ->
                        Boxes.parse(new PayloadWriter().u32(4).fourCc("moov").toByteArray()))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("invalid size 4");
        assertThatThrownBy(() -> Boxes.parse(
                        new PayloadWriter().u32(0xFFFF_FFFFL).fourCc("mdat").toByteArray()))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> Boxes.parse(
                        new PayloadWriter().u32(1).fourCc("mdat").u32(0).toByteArray()))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("64-bit");
        assertThatThrownBy(() -> Boxes.parse(
                        new PayloadWriter().u32(1).fourCc("mdat").u64(-1).toByteArray()))
                .isInstanceOf(MalformedBoxException.class);
        assertThatThrownBy(() -> Boxes.parse(new byte[] {0, 0, 0, 8, 'f', 'r', 'e', 'e', 0, 0}))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("2 trailing bytes");
        byte[] init = Fixtures.init();
        assertThatThrownBy(() -> Boxes.parse(java.util.Arrays.copyOf(init, init.length - 1)))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("moov");
    }

    @Test
    void rejectsChildThatOverrunsItsParent() {
        byte[] raw = new PayloadWriter()
                .u32(24)
                .fourCc("moov")
                .u32(100)
                .fourCc("trak")
                .u64(0)
                .toByteArray();

        assertThatThrownBy(() -> Boxes.parse(raw))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("moov/trak")
                .hasMessageContaining("declares 100 bytes");
    }

    @Test
    void rejectsNestingBombs() {
        int depth = 10_000;
        PayloadWriter out = new PayloadWriter();
        for (int i = 0; i < depth; i++) {
            out.u32(8L * (depth - i)).fourCc("moov");
        }

        assertThatThrownBy(() -> Boxes.parse(out.toByteArray()))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void typedBoxesRejectImpossibleCounts() {
        LeafBox trun = LeafBox.of(
                "trun",
                new PayloadWriter().versionAndFlags(0, 0x200).u32(0x7FFF_FFFF).toByteArray());
        LeafBox hugeRun = LeafBox.of(
                "trun",
                new PayloadWriter().versionAndFlags(0, 0).u32(0xFFFF_FFFFL).toByteArray());
        LeafBox sidx = LeafBox.of(
                "sidx",
                new PayloadWriter()
                        .versionAndFlags(0, 0)
                        .u32(1)
                        .u32(1)
                        .u32(0)
                        .u32(0)
                        .u16(0)
                        .u16(65535)
                        .toByteArray());

        assertThatThrownBy(() -> TrackRun.parse(trun)).isInstanceOf(MalformedBoxException.class);
        assertThatThrownBy(() -> TrackRun.parse(hugeRun))
                .isInstanceOf(MalformedBoxException.class)
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> SegmentIndex.parse(sidx)).isInstanceOf(MalformedBoxException.class);
        assertThatThrownBy(() -> TrackFragmentHeader.parse(LeafBox.of("tfhd", new byte[5])))
                .isInstanceOf(MalformedBoxException.class);
    }

    @Test
    void typedBoxesRoundTrip() {
        LeafBox tfhd = LeafBox.of(
                "tfhd",
                new PayloadWriter()
                        .versionAndFlags(0, 0x3B)
                        .u32(7)
                        .u64(1234)
                        .u32(1)
                        .u32(512)
                        .u32(99)
                        .u32(0x01010000)
                        .toByteArray());
        TrackFragmentHeader header = TrackFragmentHeader.parse(tfhd);

        assertThat(header.toBox()).isEqualTo(tfhd);
        assertThat(header.baseDataOffset()).isEqualTo(1234);
        TrackFragmentHeader moofBased = header.withDefaultBaseIsMoof();
        assertThat(moofBased.has(TrackFragmentHeader.FLAG_BASE_DATA_OFFSET)).isFalse();
        assertThat(moofBased.toBox().size()).isEqualTo(tfhd.size() - 8);
        assertThat(TrackFragmentHeader.parse(moofBased.toBox())).isEqualTo(moofBased);

        LeafBox trunBox = LeafBox.of(
                "trun",
                new PayloadWriter()
                        .versionAndFlags(1, 0x301)
                        .u32(2)
                        .u32(-8)
                        .u32(10)
                        .u32(100)
                        .u32(11)
                        .u32(200)
                        .toByteArray());
        TrackRun run = TrackRun.parse(trunBox);
        assertThat(run.toBox()).isEqualTo(trunBox);
        assertThat(run.dataOffset()).isEqualTo(-8);
        assertThat(run.sampleSize(1, 0)).isEqualTo(200);
        assertThat(TrackRun.parse(run.withDataOffset(64).toBox()).dataOffset()).isEqualTo(64);
    }
}
