/** Real engines for integration tests: embedded PostgreSQL and a KRaft Kafka broker, one of each per JVM. */
@NullMarked
package dev.reel.testkit;

import org.jspecify.annotations.NullMarked;
