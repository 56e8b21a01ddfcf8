package dev.reel.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs {@link ChaosFault}s into header values and verifies them. Only the gateway signs, after an admin asked for the
 * fault; services apply a fault only when its signature is valid and it has not expired, so nobody can slow or fail a
 * service by sending the header themselves, and a header replayed later is void.
 *
 * <p>Format: {@code base64url(claims).base64url(HMAC-SHA256(key, claims))} without padding, where the claims are
 * {@code 1|id|target|kind|percent|latencyMillis|untilEpochMillis}. The key is at least 32 bytes and shared by the
 * gateway and every service (locally {@code <data>/secrets/chaos.key}, made by {@code reel up}). Without the key,
 * chaos is off: the gateway refuses to create faults and services ignore the header.
 */
public final class ChaosSigner {

    /** The request header carrying signed faults; it may appear several times, one fault per value. */
    public static final String HEADER = "Reel-Chaos";

    /** Informational: which ChAP cohort (control or experiment) the request belongs to. */
    public static final String COHORT_HEADER = "Reel-Cohort";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException if the key is shorter than 32 bytes */
    public ChaosSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the chaos key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * Reads the key file written by {@link #createKeyFile}: base64 text, one line.
     *
     * @return empty if the file does not exist (chaos is off)
     * @throws IOException if it exists but cannot be read
     * @throws IllegalArgumentException if it does not hold a valid key
     */
    public static Optional<ChaosSigner> fromKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new ChaosSigner(
                Base64.getDecoder().decode(Files.readString(file).strip())));
    }

    /**
     * Creates a key file with 32 random bytes, readable by its owner only, unless it exists.
     *
     * @return whether a new file was created
     */
    public static boolean createKeyFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(secret) + "\n");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        Files.move(tmp, file);
        return true;
    }

    /** Signs {@code fault} into a header value. */
    public String sign(ChaosFault fault) {
        String claims = String.join(
                "|",
                "1",
                fault.id(),
                fault.target(),
                fault.kind().name(),
                Integer.toString(fault.percent()),
                Integer.toString(fault.latencyMillis()),
                Long.toString(fault.until().toEpochMilli()));
        byte[] bytes = claims.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /**
     * Verifies a header value.
     *
     * @return the fault, or empty if the value is malformed, its signature is wrong or it expired before {@code now}
     */
    public Optional<ChaosFault> verify(String value, Instant now) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] claims = B64D.decode(value.substring(0, dot).strip());
            byte[] signature = B64D.decode(value.substring(dot + 1).strip());
            if (!MessageDigest.isEqual(mac(claims), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(claims, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 7 || !parts[0].equals("1")) {
                return Optional.empty();
            }
            ChaosFault fault = new ChaosFault(
                    parts[1],
                    parts[2],
                    ChaosFault.Kind.valueOf(parts[3]),
                    Integer.parseInt(parts[4]),
                    Integer.parseInt(parts[5]),
                    Instant.ofEpochMilli(Long.parseLong(parts[6])));
            return now.isBefore(fault.until()) ? Optional.of(fault) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
