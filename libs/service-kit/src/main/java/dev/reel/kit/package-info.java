/**
 * What every Reel service gets by depending on the service kit. Everything here is Spring Boot
 * auto-configuration; a service overrides a piece by declaring its own bean of the same type.
 */
@NullMarked
package dev.reel.kit;

import org.jspecify.annotations.NullMarked;
