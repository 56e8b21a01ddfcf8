package dev.reel.launcher.state;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The first admin account that identity creates on an empty database. The launcher generates a password on the first
 * {@code reel up}, keeps it in {@code <data>/admin.properties} (mode 600) and passes it to identity in environment
 * variables, never on a command line.
 *
 * @param email admin e-mail
 * @param password admin password
 * @param source where the values came from, for the user: the file path or the environment
 */
public record AdminCredentials(String email, String password, String source) {

    /** Environment variable that carries (and may override) the admin e-mail. */
    public static final String EMAIL_ENV = "REEL_IDENTITY_BOOTSTRAP_ADMIN_EMAIL";

    /** Environment variable that carries (and may override) the admin password. */
    public static final String PASSWORD_ENV = "REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD";

    /** The e-mail of a generated admin. */
    public static final String DEFAULT_EMAIL = "admin@reel.local";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "AdminCredentials[email=" + email + ", password=<hidden>, source=" + source + "]";
    }

    /** Returns the environment variables that hand these credentials to identity. */
    public Map<String, String> environment() {
        return Map.of(EMAIL_ENV, email, PASSWORD_ENV, password);
    }

    /**
     * Returns the admin credentials: {@code env} values where set (both set: the file is not touched), otherwise those
     * stored in {@code file}, which is created with a fresh random password on first use. The file's permissions are
     * (re)set to owner read/write only.
     *
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public static AdminCredentials loadOrCreate(Path file, Map<String, String> env) {
        @Nullable String envEmail = nonBlank(env.get(EMAIL_ENV));
        @Nullable String envPassword = nonBlank(env.get(PASSWORD_ENV));
        if (envEmail != null && envPassword != null) {
            return new AdminCredentials(envEmail, envPassword, "environment (" + EMAIL_ENV + ", " + PASSWORD_ENV + ")");
        }
        try {
            Properties stored = Files.exists(file) ? read(file) : create(file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            String email = envEmail != null ? envEmail : stored.getProperty("email", DEFAULT_EMAIL);
            @Nullable String password = envPassword != null ? envPassword : stored.getProperty("password");
            if (password == null || password.isBlank()) {
                throw new IllegalStateException(file + " has no password; delete it to generate a new one");
            }
            return new AdminCredentials(email, password, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Returns a random password of 24 letters and digits (about 140 bits). */
    static String generatePassword() {
        var password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static Properties read(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Properties create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        var properties = new Properties();
        properties.setProperty("email", DEFAULT_EMAIL);
        properties.setProperty("password", generatePassword());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Reel bootstrap admin, created by the first `reel up`. Keep this file private.");
        }
        return properties;
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
