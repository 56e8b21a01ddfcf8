/** {@code GET /api/v1/home}: the ranked rows of a profile's home page. */
@NullMarked
package dev.reel.personalization.home;

import org.jspecify.annotations.NullMarked;
