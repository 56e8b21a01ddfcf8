package dev.reel.steering.appliance;

/** The kind of disk an appliance serves from. */
public enum Tier {
    /** SSDs: fewer bytes, many more concurrent streams. Holds the most requested titles. */
    FLASH,
    /** Hard disks: many bytes, fewer streams. Holds the long tail. */
    STORAGE
}
