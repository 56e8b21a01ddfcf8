/** The catalog as personalization sees it: published titles from catalog events, held in memory. */
@NullMarked
package dev.reel.personalization.catalog;

import org.jspecify.annotations.NullMarked;
