/**
 * The search API: {@code GET /api/v1/search} (ranked, paginated, published as {@code SearchPerformed}) and {@code GET
 * /api/v1/search/suggest} (type-ahead), both limited to the requesting profile's maturity ceiling.
 */
@NullMarked
package dev.reel.search.query;

import org.jspecify.annotations.NullMarked;
