package dev.reel.encoder.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * File-tree operations for staging output: recursive delete, atomic moves, and replacing a directory as a whole.
 *
 * <p>{@link #replaceDirectory} gives the packager its crash behaviour: the new title is complete in a hidden sibling
 * before anything happens to the old one; the old one is then renamed aside, the new one renamed into place, and the
 * old one deleted. A crash leaves either the old title, the new one, or (between the two renames) none, never a mix;
 * hidden leftovers are removed by {@link #removeStale} on the next run.
 */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code path} and everything under it; nothing happens if it does not exist. Links are not followed. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Best-effort {@link #deleteRecursively}: failures are ignored. */
    public static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | RuntimeException ignored) {
            // Only hidden staging names are left behind; removeStale clears them on the next run.
        }
    }

    /** Renames {@code source} to {@code target}, atomically where the file system can, replacing a file there. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The hidden sibling of {@code target} to stage a replacement in, e.g. {@code .title.staging-<uuid>}. */
    public static Path stagingFor(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".staging-" + UUID.randomUUID());
    }

    /** Removes hidden staging and retired siblings of {@code target} left by earlier runs that crashed. */
    public static void removeStale(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String staging = "." + absolute.getFileName() + ".staging-";
        String retired = "." + absolute.getFileName() + ".retired-";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(staging) || name.startsWith(retired)) {
                    deleteRecursively(sibling);
                }
            }
        }
    }

    /**
     * Replaces the directory {@code target} (if any) with {@code staged}, a sibling on the same file system: the old
     * one is renamed aside, the staged one renamed into place, and the old one deleted.
     */
    public static void replaceDirectory(Path staged, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        @Nullable Path retired = null;
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            retired = absolute.resolveSibling("." + absolute.getFileName() + ".retired-" + UUID.randomUUID());
            move(absolute, retired);
        }
        try {
            move(staged, absolute);
        } catch (IOException e) {
            if (retired != null) {
                move(retired, absolute);
            }
            throw e;
        }
        if (retired != null) {
            deleteQuietly(retired);
        }
    }
}
