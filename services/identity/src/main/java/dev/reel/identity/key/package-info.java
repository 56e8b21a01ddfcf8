/** Signing keys: the RSA key pair shared by every identity instance, persisted in the database and published as a JWKS. */
@NullMarked
package dev.reel.identity.key;

import org.jspecify.annotations.NullMarked;
