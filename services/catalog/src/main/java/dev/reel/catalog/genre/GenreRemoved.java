package dev.reel.catalog.genre;

/**
 * Published in-process, inside the deleting transaction, just before the genre row goes away: listeners may still
 * read the titles filed under it and must detach them.
 *
 * @param genre the genre being deleted
 */
public record GenreRemoved(Genre genre) {}
