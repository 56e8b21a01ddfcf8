/**
 * Reel's catalog service: genres, titles (movies and series with seasons and episodes), artwork and the
 * publishing state. Reads are public; writes are admin only.
 */
@NullMarked
package dev.reel.catalog;

import org.jspecify.annotations.NullMarked;
