/**
 * Bounded state on explicit time for pure state machines — the engine's and those of plugins (a discovery is
 * driven with the current time and must read no clock): maps and sets whose entries expire, a token bucket, a
 * count that decays, a backoff. Nothing here reads a clock, starts a thread or takes a lock; none is
 * thread-safe.
 */
package org.tomprotocol.spi.state;
