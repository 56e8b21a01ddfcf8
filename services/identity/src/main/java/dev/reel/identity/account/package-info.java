/** Accounts: sign-up, roles (member, admin), credential checks and the bootstrap administrator. */
@NullMarked
package dev.reel.identity.account;

import org.jspecify.annotations.NullMarked;
