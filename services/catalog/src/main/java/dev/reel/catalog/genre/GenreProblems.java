package dev.reel.catalog.genre;

import dev.reel.kit.web.ProblemException;

/** The problems genre operations report. */
public final class GenreProblems {

    private GenreProblems() {}

    /** 404 for a genre id or slug that names no genre. */
    public static ProblemException notFound(Object idOrSlug) {
        return ProblemException.notFound("No genre '" + idOrSlug + "'");
    }
}
