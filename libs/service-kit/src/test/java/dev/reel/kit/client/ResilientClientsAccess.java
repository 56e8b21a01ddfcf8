package dev.reel.kit.client;

/** Opens the retry predicate to tests outside the package. */
public final class ResilientClientsAccess {

    private ResilientClientsAccess() {}

    public static boolean connectionRefused(Throwable failure) {
        return ResilientClients.connectionRefused(failure);
    }
}
