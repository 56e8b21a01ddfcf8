@NullMarked
package dev.reel.edgetoken;

import org.jspecify.annotations.NullMarked;
