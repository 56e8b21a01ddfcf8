/** Facts published by the catalog service. */
@NullMarked
package dev.reel.events.catalog;

import org.jspecify.annotations.NullMarked;
