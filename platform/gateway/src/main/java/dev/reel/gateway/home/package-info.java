/**
 * The home page when personalization cannot answer at all: a degraded page built from the catalog, so {@code GET
 * /api/v1/home} never fails because a dependency does.
 */
@NullMarked
package dev.reel.gateway.home;

import org.jspecify.annotations.NullMarked;
