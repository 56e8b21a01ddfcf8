/**
 * The title index: what is searchable, and the two ways of asking it, a ranked search and a type-ahead suggestion
 * list. Implemented in memory with Lucene in {@code internal}.
 */
@NullMarked
package dev.reel.search.index;

import org.jspecify.annotations.NullMarked;
