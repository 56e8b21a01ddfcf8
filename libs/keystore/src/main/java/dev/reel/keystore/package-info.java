/**
 * The content key store: per-title CENC content keys, wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256) under
 * the licence public key and stored in their own PostgreSQL database ({@code keys}), never next to the
 * content.
 *
 * <p>Threat model: whoever holds the encoder (or its database, or the origin) can write keys but cannot
 * read any back, because {@link dev.reel.keystore.ContentKeyWriter} only ever has the licence public key;
 * only the holder of the licence private key (playback's licence endpoint, via
 * {@link dev.reel.keystore.ContentKeyReader}) can unwrap a key. A copy of the {@code keys} table alone
 * reveals no key.
 */
@NullMarked
package dev.reel.keystore;

import org.jspecify.annotations.NullMarked;
