/** Serves the static web app (the repository's web/ directory) at {@code /}. */
@NullMarked
package dev.reel.gateway.web;

import org.jspecify.annotations.NullMarked;
