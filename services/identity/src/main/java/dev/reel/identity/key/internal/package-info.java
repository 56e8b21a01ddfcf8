@NullMarked
package dev.reel.identity.key.internal;

import org.jspecify.annotations.NullMarked;
