/**
 * Resolves the request's {@code X-Profile-Id} to the maturity ceiling of that profile, asking identity.
 */
@NullMarked
package dev.reel.catalog.profile;

import org.jspecify.annotations.NullMarked;
