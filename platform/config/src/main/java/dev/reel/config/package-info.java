/** The configuration server that serves the repository's config/ directory. */
@NullMarked
package dev.reel.config;

import org.jspecify.annotations.NullMarked;
