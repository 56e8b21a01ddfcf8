@NullMarked
package dev.reel.edge.steering;

import org.jspecify.annotations.NullMarked;
