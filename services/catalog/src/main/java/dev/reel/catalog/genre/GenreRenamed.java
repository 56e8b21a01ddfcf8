package dev.reel.catalog.genre;

/**
 * Published in-process, inside the renaming transaction, after a genre got a new name (and slug).
 *
 * @param genre the genre as it is now
 */
public record GenreRenamed(Genre genre) {}
