@NullMarked
package dev.reel.edge;

import org.jspecify.annotations.NullMarked;
