package dev.reel.origin.internal;

import dev.reel.origin.OriginPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of a local directory about to be published: validated relative paths, sizes and
 * SHA-256 hashes, plus the digest that identifies the whole version.
 *
 * @param files regular files sorted by path
 * @param digest hex SHA-256 over every file's {@code path \n size \n sha256 \n}, in order
 * @param totalBytes the sum of the sizes
 */
public record LocalTree(List<LocalFile> files, String digest, long totalBytes) {

    /**
     * One file to publish.
     *
     * @param path validated path relative to the published directory
     * @param file where it is on disk
     * @param size its size when scanned
     * @param sha256 hex SHA-256 of its bytes when scanned
     */
    public record LocalFile(String path, Path file, long size, String sha256) {}

    /** Copies the list. */
    public LocalTree {
        files = List.copyOf(files);
    }

    /**
     * Scans and hashes every file under {@code directory}.
     *
     * @throws IllegalArgumentException if the directory does not exist, holds no regular file,
     *     contains a symbolic link or special file, or a relative path fails {@link
     *     OriginPaths#requireRelativePath(String)}
     * @throws IOException if reading fails
     */
    public static LocalTree scan(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("Not a directory: " + directory);
        }
        Path base = directory.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }
                String kind = attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file";
                throw new IllegalArgumentException("Cannot publish " + file + ": " + kind);
            }
        });
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Nothing to publish: " + directory + " holds no files");
        }
        List<LocalFile> files = new ArrayList<>(found.size());
        for (Path file : found) {
            String relative = base.relativize(file)
                    .toString()
                    .replace(file.getFileSystem().getSeparator(), "/");
            OriginPaths.requireRelativePath(relative);
            files.add(new LocalFile(relative, file, Files.size(file), sha256(file)));
        }
        files.sort(Comparator.comparing(LocalFile::path));
        MessageDigest digest = newSha256();
        long total = 0;
        for (LocalFile f : files) {
            digest.update((f.path() + "\n" + f.size() + "\n" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            total += f.size();
        }
        return new LocalTree(files, HexFormat.of().formatHex(digest.digest()), total);
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
