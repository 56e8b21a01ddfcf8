@NullMarked
package dev.reel.identity.account.internal;

import org.jspecify.annotations.NullMarked;
