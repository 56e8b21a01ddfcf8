/** Edge security: which requests need a token, how tokens are verified, how refusals look. */
@NullMarked
package dev.reel.gateway.security;

import org.jspecify.annotations.NullMarked;
