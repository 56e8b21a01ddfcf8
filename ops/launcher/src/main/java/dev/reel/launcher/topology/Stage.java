package dev.reel.launcher.topology;

/**
 * Start-up stages of the child JVMs, in start order. All instances of one stage start in parallel, and a stage
 * starts once every instance of the previous one is healthy. Shutdown goes in reverse order.
 */
public enum Stage {
    /** Discovery and configuration, which every other JVM needs at start-up. */
    PLATFORM,
    /** Business services and the gateway. */
    SERVICES
}
