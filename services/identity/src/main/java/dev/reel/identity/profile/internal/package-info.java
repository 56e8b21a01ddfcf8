@NullMarked
package dev.reel.identity.profile.internal;

import org.jspecify.annotations.NullMarked;
