/** JWT resource server, public routes and the calling account. */
@NullMarked
package dev.reel.kit.security;

import org.jspecify.annotations.NullMarked;
