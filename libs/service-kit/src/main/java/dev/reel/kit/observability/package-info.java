/** Correlation ids, the serving instance header, and default settings every service shares. */
@NullMarked
package dev.reel.kit.observability;

import org.jspecify.annotations.NullMarked;
