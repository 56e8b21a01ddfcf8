package dev.reel.encoder.pack.internal;

import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.MalformedBoxException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of a title's protection as manifests signal it: the key id and the W3C common {@code pssh} box.
 * Holds no key.
 */
public final class Protection {

    /** The DASH-IF ClearKey system id. */
    public static final String CLEARKEY_SYSTEM = "e2719d58-a985-b3c9-781a-b030af78d30e";

    /** The W3C common (ClearKey) system id, whose {@code pssh} the init segments carry. */
    public static final String COMMON_SYSTEM = "1077efec-c0b2-4d02-ace3-3c1e52e2fb4b";

    /** The HLS {@code KEYFORMAT} for ClearKey, as hls.js expects it. */
    public static final String CLEARKEY_KEYFORMAT = "org.w3.clearkey";

    private final byte[] keyId;
    private final byte[] pssh;

    /**
     * @param keyId the 16-byte key id
     * @param pssh the whole {@code pssh} box (header included)
     */
    public Protection(byte[] keyId, byte[] pssh) {
        if (keyId.length != 16) {
            throw new IllegalArgumentException("key id must be 16 bytes");
        }
        this.keyId = keyId.clone();
        this.pssh = pssh.clone();
    }

    /**
     * The protection of a title from one of its protected init segments: the key id and the {@code pssh} box the
     * encryptor added to its {@code moov}.
     *
     * @throws MalformedBoxException if the init segment has no {@code moov/pssh}
     */
    public static Protection fromProtectedInit(byte[] keyId, byte[] protectedInit) {
        if (!(Boxes.first(Boxes.parse(protectedInit), "moov") instanceof ContainerBox moov)) {
            throw new MalformedBoxException("Not an init segment: no 'moov' box");
        }
        Box pssh = moov.child("pssh");
        if (pssh == null) {
            throw new MalformedBoxException("Protected init segment has no 'pssh' box");
        }
        return new Protection(keyId, Boxes.write(pssh));
    }

    /** 32 lower-case hex digits. */
    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** The key id in UUID form, as DASH {@code cenc:default_KID} writes it. */
    public String keyIdUuid() {
        String hex = keyIdHex();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** The {@code pssh} box in base64, as {@code cenc:pssh} carries it. */
    public String psshBase64() {
        return Base64.getEncoder().encodeToString(pssh);
    }

    /**
     * The HLS {@code EXT-X-KEY} tag for ClearKey with 'cenc' ({@code SAMPLE-AES-CTR}). hls.js takes the key id from
     * the first 16 bytes of a {@code data:} URI ({@code LevelKey.getDecryptData}), and newer versions also from {@code
     * KEYID}; both name the same key id. No key is in the tag: the player gets it from the licence server.
     */
    public String hlsKeyTag() {
        return "#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI=\"data:text/plain;base64,"
                + Base64.getEncoder().encodeToString(keyId) + "\",KEYID=0x" + keyIdHex() + ",KEYFORMAT=\""
                + CLEARKEY_KEYFORMAT + "\",KEYFORMATVERSIONS=\"1\"";
    }
}
