/** Ties a child process's life to the launcher that started it. */
@NullMarked
package dev.reel.guard;

import org.jspecify.annotations.NullMarked;
