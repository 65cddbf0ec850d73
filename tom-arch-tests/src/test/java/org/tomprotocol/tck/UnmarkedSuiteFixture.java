package org.tomprotocol.tck;

/** Violates the stability rule: a public type of the TCK's exported package that does not say its stability. */
public abstract class UnmarkedSuiteFixture {
}
