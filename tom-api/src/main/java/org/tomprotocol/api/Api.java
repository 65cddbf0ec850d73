package org.tomprotocol.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type of the API or the SPI can be relied on, in the manner of JUnit 5's {@code @API}. Every
 * public type of the exported packages of {@code org.tomprotocol.api} and {@code org.tomprotocol.spi} carries it
 * (a build rule checks that); a type that is a contract only, whose implementation is still to come, is
 * {@link Status#INCUBATING}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Api {
    /** The promise made. */
    Status status();

    /** The version in which the type reached this status. */
    String since() default "";

    /** What a status promises. */
    enum Status {
        /**
         * Kept compatible within a major version: methods are not removed or changed, only added (with defaults on
         * interfaces meant to be implemented).
         */
        STABLE,
        /**
         * New or not yet implemented in full: it may change or go in any release, and may throw
         * {@link UnsupportedFeatureException} until it is implemented.
         */
        INCUBATING
    }
}
