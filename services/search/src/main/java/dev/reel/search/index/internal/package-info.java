/** The Lucene implementation of the title index: analysis, query planning, popularity-blended collection. */
@NullMarked
package dev.reel.search.index.internal;

import org.jspecify.annotations.NullMarked;
