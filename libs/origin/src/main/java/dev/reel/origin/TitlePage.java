package dev.reel.origin;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@link OriginStore#titles(String, int)}.
 *
 * @param titleIds published titles in the store's stable listing order
 * @param nextCursor pass this as {@code after} to get the next page; null when the listing is
 *     known to be complete. A non-null cursor may lead to an empty last page.
 */
public record TitlePage(List<String> titleIds, @Nullable String nextCursor) {

    /** Copies the list. */
    public TitlePage {
        titleIds = List.copyOf(Objects.requireNonNull(titleIds, "titleIds"));
    }
}
