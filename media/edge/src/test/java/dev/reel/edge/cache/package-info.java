@NullMarked
package dev.reel.edge.cache;

import org.jspecify.annotations.NullMarked;
