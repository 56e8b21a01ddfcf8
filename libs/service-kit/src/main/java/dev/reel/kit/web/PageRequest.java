package dev.reel.kit.web;

import org.jspecify.annotations.Nullable;

/**
 * A validated page request: page from 0, size from 1 to {@value #MAX_SIZE}.
 *
 * @param page zero-based page number
 * @param size items per page
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw ProblemException.badRequest("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    /** From optional query parameters; absent ones take the defaults. Bad values are a 400 problem. */
    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The row offset of this page's first item. */
    public long offset() {
        return (long) page * size;
    }
}
