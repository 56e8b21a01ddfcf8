/** {@code POST /api/v1/events}: impressions and clicks reported by clients. */
@NullMarked
package dev.reel.personalization.engagement;

import org.jspecify.annotations.NullMarked;
