package dev.reel.edgetoken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The shared secrets file of playback (which signs) and the edges (which verify): one key per line, {@code <kid>
 * <base64 secret>}, the signing key first. Blank lines and lines starting with {@code #} are ignored. To rotate, put
 * a new line at the top on every edge and playback instance, and delete the old line once the longest token it signed
 * has expired.
 */
public final class EdgeTokenKeys {

    private EdgeTokenKeys() {}

    /**
     * Reads a keys file.
     *
     * @return every key id mapped to its secret, in file order (the first entry signs)
     * @throws IOException if the file cannot be read, or a line is not {@code <kid> <base64>}, a kid repeats, a secret
     *     is shorter than {@value EdgeTokens#MIN_SECRET_BYTES} bytes, or there is no key at all; the message names the
     *     file and line and never a secret
     */
    public static SequencedMap<String, byte[]> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        SequencedMap<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1," + EdgeTokens.MAX_KID_LENGTH + "}")) {
                throw new IOException(where + ": expected '<kid> <base64 secret>'");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": the secret is not base64");
            }
            if (secret.length < EdgeTokens.MIN_SECRET_BYTES) {
                throw new IOException(where + ": the secret is shorter than " + EdgeTokens.MIN_SECRET_BYTES + " bytes");
            }
            if (keys.putIfAbsent(parts[0], secret) != null) {
                throw new IOException(where + ": key id " + parts[0] + " appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IOException(file + " holds no edge token key");
        }
        return keys;
    }

    /**
     * Creates a keys file with one fresh 32-byte key named after today's date ({@code k20261123}), readable by the
     * owner only, unless the file already exists.
     *
     * @return whether a file was created
     */
    public static boolean createIfAbsent(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        byte[] secret = new byte[EdgeTokens.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        String kid = "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        String text = "# Edge token keys: <kid> <base64 secret>, the signing key first.\n" + kid + " "
                + Base64.getEncoder().encodeToString(secret) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FileAttribute<?>[] ownerOnly =
                dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, ".edge-token-keys", ".tmp", ownerOnly);
        try {
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    /** The key that signs: the first entry of {@code keys}. */
    public static Map.Entry<String, byte[]> signing(SequencedMap<String, byte[]> keys) {
        return keys.firstEntry();
    }
}
