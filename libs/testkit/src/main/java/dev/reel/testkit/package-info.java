/**
 * Test support shared by the services' integration tests: real engines (embedded PostgreSQL and a KRaft Kafka
 * broker, one of each per JVM), signed test tokens, and an HTTP client with RFC 9457 problem assertions.
 */
@NullMarked
package dev.reel.testkit;

import org.jspecify.annotations.NullMarked;
