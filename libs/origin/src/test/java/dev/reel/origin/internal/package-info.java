/** Unit tests of the origin's internals. */
@NullMarked
package dev.reel.origin.internal;

import org.jspecify.annotations.NullMarked;
