package dev.reel.encoder.ladder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A one-size-fits-all ladder: the same (bitrate, picture height) rungs for every title, for comparison with per-title
 * ladders. Immutable.
 */
public final class FixedLadder {

    /**
     * One rung of a fixed ladder as published.
     *
     * @param bitrate bits per second, positive
     * @param width the published width (for reference; {@link #ladderFor} follows the source's aspect ratio instead)
     * @param height picture height, positive
     */
    public record Entry(long bitrate, int width, int height) {

        public Entry {
            if (bitrate <= 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException(
                        "bitrate and size must be positive: " + bitrate + " " + width + "x" + height);
            }
        }
    }

    private static final FixedLadder NETFLIX_2015 = new FixedLadder(List.of(
            new Entry(235_000, 320, 240),
            new Entry(375_000, 384, 288),
            new Entry(560_000, 512, 384),
            new Entry(750_000, 512, 384),
            new Entry(1_050_000, 640, 480),
            new Entry(1_750_000, 720, 480),
            new Entry(2_350_000, 1280, 720),
            new Entry(3_000_000, 1280, 720),
            new Entry(4_300_000, 1920, 1080),
            new Entry(5_800_000, 1920, 1080)));

    private final List<Entry> entries;

    private FixedLadder(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The ladder Netflix published in December 2015 when it introduced per-title encoding: 235 kbit/s at 320x240 up to
     * 5800 kbit/s at 1920x1080, ten rungs.
     */
    public static FixedLadder netflix2015() {
        return NETFLIX_2015;
    }

    /**
     * A ladder of the given entries.
     *
     * @throws IllegalArgumentException if {@code entries} is empty or two entries share a bitrate
     */
    public static FixedLadder of(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a fixed ladder needs at least one entry");
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::bitrate));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).bitrate() == sorted.get(i - 1).bitrate()) {
                throw new IllegalArgumentException(
                        "two entries share bitrate " + sorted.get(i).bitrate());
            }
        }
        return new FixedLadder(sorted);
    }

    /** The entries by increasing bitrate. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The rungs for a source: every entry whose height does not exceed the source's (never upscale), at the entry's
     * height and the source's aspect ratio (the published 4:3 sizes become 16:9 ones for a 16:9 source), as capped
     * VBR. A source smaller than every entry gets the cheapest entry at the source's own size.
     */
    public Ladder ladderFor(Resolution source, VbrSettings vbr) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vbr, "vbr");
        List<Rung> rungs = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.height() <= source.height()) {
                rungs.add(
                        Rung.cappedVbr(Resolution.ofHeight(entry.height(), source), entry.bitrate(), vbr, null, null));
            }
        }
        if (rungs.isEmpty()) {
            rungs.add(Rung.cappedVbr(source, entries.getFirst().bitrate(), vbr, null, null));
        }
        return new Ladder(LadderKind.FIXED, null, source, rungs, List.of(), List.of(), null);
    }
}
