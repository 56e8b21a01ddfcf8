package dev.reel.personalization.home;

import java.util.List;

/**
 * One row of the home page.
 *
 * @param id stable per profile and row, such as {@code genre:drama}
 * @param degraded true when the row is a fallback (its last good copy, or popular titles) because building it failed
 *     or took too long
 */
public record HomeRow(String id, RowKind kind, String title, boolean degraded, List<HomeItem> items) {}
