package dev.reel.identity.key.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** Generating RSA signing keys and converting them between DER bytes (PKCS#8 / X.509) and JWKs. */
final class RsaKeys {

    static final int KEY_SIZE = 2048;

    private RsaKeys() {}

    /** A new 2048-bit RSA key pair as a JWK whose {@code kid} is its RFC 7638 SHA-256 thumbprint. */
    static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            return toJwk((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** The JWK for a stored key pair; {@code kid} must be what {@link #generate()} assigned. */
    static RSAKey fromDer(String kid, byte[] pkcs8PrivateKey, byte[] x509PublicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey =
                    (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(x509PublicKey));
            return builder(publicKey).privateKey(privateKey).keyID(kid).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + kid + " is not a valid RSA key pair", e);
        }
    }

    static byte[] privateDer(RSAKey key) {
        try {
            return key.toRSAPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("Key " + key.getKeyID() + " has no private part", e);
        }
    }

    static byte[] publicDer(RSAKey key) {
        try {
            return key.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("Key " + key.getKeyID() + " has no public part", e);
        }
    }

    private static RSAKey toJwk(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        try {
            RSAKey withoutId = builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key thumbprint", e);
        }
    }

    private static RSAKey.Builder builder(RSAPublicKey publicKey) {
        return new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
    }
}
