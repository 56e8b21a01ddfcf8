package dev.reel.launcher.state;

import dev.reel.keystore.LicenceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The licence key pair in {@code <data>/secrets/}: the encoder wraps content keys with {@code licence-public.pem},
 * and only playback's licence endpoint reads {@code licence-private.pem} (mode 600). {@code reel up} creates the pair
 * once, before any service starts; it is never replaced, since that would make every stored content key unreadable.
 */
public final class LicenceKeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LicenceKeyFiles() {}

    /** What {@link #ensure(Path)} found. */
    public enum Outcome {
        /** Both files existed. */
        EXISTED,
        /** A new pair was generated and written. */
        CREATED
    }

    /**
     * Makes sure both key files exist in {@code secretsDirectory}, generating a pair if neither does, and (re)sets
     * the private key's permissions to owner read/write only.
     *
     * @throws IllegalStateException if only one of the two files exists (the user must restore the other, or delete
     *     both and lose access to the content keys stored so far)
     * @throws UncheckedIOException if the files cannot be written
     */
    public static Outcome ensure(Path secretsDirectory) {
        Path privateFile = secretsDirectory.resolve(LicenceKeys.PRIVATE_FILE);
        Path publicFile = secretsDirectory.resolve(LicenceKeys.PUBLIC_FILE);
        boolean hasPrivate = Files.exists(privateFile);
        boolean hasPublic = Files.exists(publicFile);
        if (hasPrivate && hasPublic) {
            restrict(privateFile);
            return Outcome.EXISTED;
        }
        if (hasPrivate || hasPublic) {
            throw new IllegalStateException("Only one half of the licence key pair exists: "
                    + (hasPrivate ? privateFile : publicFile) + " without " + (hasPrivate ? publicFile : privateFile)
                    + ". Restore the missing file, or delete both to generate a new pair (content keys stored so far"
                    + " then become unreadable, so every title must be encoded again).");
        }
        LicenceKeys.writePem(LicenceKeys.generate(), secretsDirectory);
        return Outcome.CREATED;
    }

    private static void restrict(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + file, e);
        }
    }
}
