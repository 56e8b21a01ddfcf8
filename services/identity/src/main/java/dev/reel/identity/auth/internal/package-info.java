@NullMarked
package dev.reel.identity.auth.internal;

import org.jspecify.annotations.NullMarked;
