/** Service discovery: the Eureka server every Reel process registers with. */
@NullMarked
package dev.reel.registry;

import org.jspecify.annotations.NullMarked;
