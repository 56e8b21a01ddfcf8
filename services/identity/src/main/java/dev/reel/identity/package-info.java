/** Reel's identity service: accounts, authentication with RS256 JWTs and rotating refresh tokens, and profiles. */
@NullMarked
package dev.reel.identity;

import org.jspecify.annotations.NullMarked;
