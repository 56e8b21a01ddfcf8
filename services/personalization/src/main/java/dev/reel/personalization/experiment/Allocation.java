package dev.reel.personalization.experiment;

import dev.reel.personalization.PersonalizationProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;

/**
 * Deterministic allocation: an account's bucket in an experiment is {@code SHA-256(accountId + ":" + experiment)} (its
 * first 8 bytes as a signed long) mod 100, and the cells take consecutive bucket ranges in their configured order
 * ({@code model: 50, popularity: 50} → buckets 0–49 and 50–99). The same account lands in the same cell on every
 * instance and every day, and buckets of different experiments are independent.
 */
public final class Allocation {

    private Allocation() {}

    /** The account's bucket, 0..99. */
    public static int bucket(UUID accountId, String experiment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + ":" + experiment).getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(digest).getLong(), 100L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The account's cell in {@code experiment}. */
    public static String cell(UUID accountId, String name, PersonalizationProperties.Experiment experiment) {
        int bucket = bucket(accountId, name);
        int upTo = 0;
        String last = null;
        for (Map.Entry<String, Integer> cell : experiment.cells().entrySet()) {
            upTo += cell.getValue();
            last = cell.getKey();
            if (bucket < upTo) {
                return cell.getKey();
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("experiment " + name + " has no cells");
        }
        return last;
    }
}
