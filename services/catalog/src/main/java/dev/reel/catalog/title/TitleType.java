package dev.reel.catalog.title;

/** What kind of title this is; only series have seasons and episodes. */
public enum TitleType {
    MOVIE,
    SERIES
}
