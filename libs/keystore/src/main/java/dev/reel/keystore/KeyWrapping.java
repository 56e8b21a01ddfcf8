package dev.reel.keystore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The wrapping scheme shared by writer and reader: RSA-OAEP with SHA-256 and MGF1-SHA-256, empty label. */
final class KeyWrapping {

    /** The value of the {@code algorithm} column: the JOSE (RFC 7518) name of the scheme. */
    static final String ALGORITHM = "RSA-OAEP-256";

    static final int MIN_RSA_BITS = 2048;

    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final byte[] CHECK_LABEL = "reel-keystore-key-check-v1".getBytes(StandardCharsets.US_ASCII);

    private KeyWrapping() {}

    static Cipher cipher(int mode, Key key) {
        if (!(key instanceof RSAKey rsa) || !"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("licence key must be an RSA key, was " + key.getAlgorithm());
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("licence key must have at least " + MIN_RSA_BITS + " bits, had "
                    + rsa.getModulus().bitLength());
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, OAEP_SHA256);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP-256 is not available in this JVM", e);
        }
    }

    /** SHA-256(label || keyId || key): a verifier of the key that does not reveal it (the key is 128 random bits). */
    static byte[] check(ContentKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(CHECK_LABEL);
            sha256.update(key.keyId());
            sha256.update(key.key());
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
