/** Facts published by the search service, on {@link dev.reel.events.Topics#SEARCH_QUERIES}. */
@NullMarked
package dev.reel.events.search;

import org.jspecify.annotations.NullMarked;
