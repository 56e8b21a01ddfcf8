package dev.reel.steering.steer;

/** Where a steering target serves from. */
public enum TargetKind {
    /** An edge appliance in rotation. */
    APPLIANCE,
    /** The origin: always last, always there. */
    ORIGIN
}
