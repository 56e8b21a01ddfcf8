/** Authentication: login with brute-force protection, access-token issuing, rotating refresh tokens and logout. */
@NullMarked
package dev.reel.identity.auth;

import org.jspecify.annotations.NullMarked;
