package dev.reel.cmaf;

/**
 * What an init segment declares about one track, as far as processing its media segments needs.
 *
 * @param trackId the {@code tkhd} track ID that {@code tfhd} boxes refer to
 * @param handlerType the {@code hdlr} handler type, e.g. {@code vide}
 * @param sampleEntryType the first sample entry's type as written, e.g. {@code avc1} or {@code encv}
 * @param codingName the original coding name: {@code sampleEntryType}, or for a protected entry the
 *     format in its {@code frma}
 * @param timescale the media timescale from {@code mdhd}
 * @param nalLengthSize bytes in each NAL unit length prefix (1, 2 or 4) for H.264/H.265, else 0
 * @param defaultSampleSize the {@code trex} default sample size, 0 if none
 * @param protectedEntry true if the sample entry is already protected ({@code encv}, {@code enca})
 */
public record TrackInfo(
        long trackId,
        TrackKind kind,
        String handlerType,
        String sampleEntryType,
        String codingName,
        long timescale,
        int nalLengthSize,
        long defaultSampleSize,
        boolean protectedEntry) {}
