package dev.reel.keystore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The licence key pair: an RSA pair whose public half wraps content keys (given to the encoder) and whose
 * private half unwraps them (given only to playback's licence endpoint).
 *
 * <p>Files are PEM: the private key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the public key as X.509
 * SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}), the formats {@code openssl genpkey} and
 * {@code openssl pkey -pubout} produce. I/O failures are thrown as {@link UncheckedIOException}.
 */
public final class LicenceKeys {

    /** File name of the private key inside the secrets directory. */
    public static final String PRIVATE_FILE = "licence-private.pem";

    /** File name of the public key inside the secrets directory. */
    public static final String PUBLIC_FILE = "licence-public.pem";

    /** Modulus size of generated pairs. */
    public static final int RSA_BITS = 3072;

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private static final Set<PosixFilePermission> OWNER_RW =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private LicenceKeys() {}

    /** Generates a fresh {@value #RSA_BITS}-bit RSA licence key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JVM", e);
        }
    }

    /**
     * Writes {@value #PRIVATE_FILE} (owner read/write only, mode 600, on POSIX file systems) and
     * {@value #PUBLIC_FILE} into {@code dir}, creating it (mode 700) if absent. Each file appears atomically,
     * and the private key is never readable by others at any moment.
     *
     * <p>Never overwrites: replacing the pair would leave every stored content key unreadable, so existing
     * files are an error.
     *
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if either file exists, or any
     *     other I/O failure
     */
    public static void writePem(KeyPair pair, Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir,
                        posix
                                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RWX)}
                                : new FileAttribute<?>[0]);
            }
            for (Path file : new Path[] {privateFile, publicFile}) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null, "refusing to replace a licence key");
                }
            }
            writeAtomically(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), posix, true);
            writeAtomically(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), posix, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the licence key pair to " + dir, e);
        }
    }

    /**
     * Reads an RSA public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}).
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no RSA public key in that format
     */
    public static PublicKey readPublic(Path pemFile) {
        byte[] der = readPem(pemFile, PUBLIC_LABEL);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " holds no RSA public key", e);
        }
    }

    /**
     * Reads an RSA private key from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no RSA private key in that format
     */
    public static PrivateKey readPrivate(Path pemFile) {
        byte[] der = readPem(pemFile, PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + " holds no RSA private key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " is not a PEM file with a '" + label + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " has a malformed PEM body", e);
        }
    }

    private static void writeAtomically(Path target, String content, boolean posix, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IOException("no parent directory for " + target);
        }
        FileAttribute<?>[] attributes = posix && secret
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, ".licence-", ".tmp", attributes);
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            if (posix && !secret) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
