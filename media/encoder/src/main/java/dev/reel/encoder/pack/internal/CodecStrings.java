package dev.reel.encoder.pack.internal;

import java.util.Locale;

/**
 * RFC 6381 codec strings ({@code CODECS} in HLS, {@code codecs} in DASH) from the decoder configuration boxes of an
 * init segment, so that manifests advertise exactly what the media holds.
 */
public final class CodecStrings {

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;

    private CodecStrings() {}

    /**
     * {@code avc1.PPCCLL} from an {@code avcC} payload: profile_idc, the constraint flags byte and level_idc, in
     * lower-case hex, e.g. {@code avc1.64001f} for High profile level 3.1.
     *
     * @param sampleEntry the sample entry type, {@code avc1} or {@code avc3}
     * @throws IllegalArgumentException if the payload is too short or not version 1
     */
    public static String avc(String sampleEntry, byte[] avcC) {
        if (avcC.length < 4 || avcC[0] != 1) {
            throw new IllegalArgumentException("not an AVCDecoderConfigurationRecord (version 1, at least 4 bytes)");
        }
        return String.format(
                Locale.ROOT, "%s.%02x%02x%02x", sampleEntry, avcC[1] & 0xFF, avcC[2] & 0xFF, avcC[3] & 0xFF);
    }

    /**
     * {@code mp4a.OO.A} from an {@code esds} payload (version and flags, then an ES_Descriptor): the object type
     * indication in lower-case hex and, for MPEG-4 audio ({@code 40}), the audio object type from the
     * AudioSpecificConfig, e.g. {@code mp4a.40.2} for AAC-LC and {@code mp4a.40.5} for HE-AAC. Other object types give
     * {@code mp4a.OO} alone (e.g. {@code mp4a.6b} for MP3).
     *
     * @throws IllegalArgumentException if the descriptors are truncated or malformed
     */
    public static String mp4a(byte[] esds) {
        Cursor in = new Cursor(esds);
        in.skip(4);
        in.expectTag(ES_DESCRIPTOR);
        int esEnd = in.lengthEnd();
        in.skip(2);
        int flags = in.u8();
        if ((flags & 0x80) != 0) {
            in.skip(2);
        }
        if ((flags & 0x40) != 0) {
            in.skip(in.u8());
        }
        if ((flags & 0x20) != 0) {
            in.skip(2);
        }
        in.expectTag(DECODER_CONFIG_DESCRIPTOR);
        int configEnd = in.lengthEnd();
        int objectType = in.u8();
        String codec = String.format(Locale.ROOT, "mp4a.%02x", objectType);
        if (objectType != 0x40) {
            return codec;
        }
        in.skip(12);
        if (in.position() >= Math.min(configEnd, esEnd)) {
            throw new IllegalArgumentException("esds has no AudioSpecificConfig for MPEG-4 audio");
        }
        in.expectTag(DECODER_SPECIFIC_INFO);
        in.lengthEnd();
        int first = in.u8();
        int audioObjectType = first >> 3;
        if (audioObjectType == 31) {
            audioObjectType = 32 + (((first & 0x7) << 3) | (in.u8() >> 5));
        }
        return codec + "." + audioObjectType;
    }

    /** A bounds-checked reader over descriptor bytes. */
    private static final class Cursor {

        private final byte[] data;
        private int pos;

        Cursor(byte[] data) {
            this.data = data;
        }

        int position() {
            return pos;
        }

        int u8() {
            if (pos >= data.length) {
                throw new IllegalArgumentException("esds is truncated at byte " + pos);
            }
            return data[pos++] & 0xFF;
        }

        void skip(int count) {
            if (count < 0 || count > data.length - pos) {
                throw new IllegalArgumentException("esds is truncated at byte " + pos);
            }
            pos += count;
        }

        void expectTag(int tag) {
            int found = u8();
            if (found != tag) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "esds: expected descriptor tag 0x%02x, found 0x%02x", tag, found));
            }
        }

        /** Reads an expandable descriptor length (up to 4 bytes of 7 bits) and returns where the descriptor ends. */
        int lengthEnd() {
            int length = 0;
            for (int i = 0; i < 4; i++) {
                int b = u8();
                length = (length << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (length > data.length - pos) {
                throw new IllegalArgumentException("esds descriptor of " + length + " bytes is truncated");
            }
            return pos + length;
        }
    }
}
