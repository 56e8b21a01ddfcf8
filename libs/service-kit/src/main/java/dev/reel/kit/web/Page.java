package dev.reel.kit.web;

import java.util.List;

/**
 * One page of a list, as every Reel list endpoint returns it.
 *
 * @param items the items on this page, possibly empty
 * @param page zero-based page number
 * @param size the requested page size
 * @param totalItems items across all pages
 * @param totalPages pages in all; zero when there are no items
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages);
    }
}
