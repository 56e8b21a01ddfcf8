/** Profiles: up to a configured number per account, each with a language and a maturity ceiling. */
@NullMarked
package dev.reel.identity.profile;

import org.jspecify.annotations.NullMarked;
