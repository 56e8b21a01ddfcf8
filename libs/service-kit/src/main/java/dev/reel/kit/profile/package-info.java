/**
 * The profile a request acts for, checked against the caller's account by asking identity with the caller's own
 * token: a profile id from a client is never trusted on its own.
 */
@NullMarked
package dev.reel.kit.profile;

import org.jspecify.annotations.NullMarked;
