/** Row building, ranking, de-duplication, per-row timeouts and fallbacks, and the viewing client. */
@NullMarked
package dev.reel.personalization.home.internal;

import org.jspecify.annotations.NullMarked;
