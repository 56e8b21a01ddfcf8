package dev.reel.launcher.studio;

/** What a {@link JobFollower} reports while it follows a job. Called on the following thread. */
public interface JobListener {

    /** Reports nothing. */
    JobListener NONE = new JobListener() {};

    /** The job's latest state. */
    default void update(Job job) {}

    /** The event stream dropped or could not be opened; the follower reconnects, or polls, after {@code reason}. */
    default void reconnecting(String reason) {}
}
