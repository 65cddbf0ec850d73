package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one check of a TCK subclass through the JUnit Platform, as a build would, and tells how it ended: the
 * TCK's own tests prove with it that each check passes on an honest provider and fails on one broken for it.
 */
final class TckRun {
    private static final java.nio.file.Path FAILURES = java.nio.file.Path.of("target", "tck-fixture-failures.txt");

    static {
        try {
            java.nio.file.Files.deleteIfExists(FAILURES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TckRun() {
    }

    /** Every check of {@code suite}, inherited ones included, by name. */
    static List<String> checksOf(Class<?> suite) {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> type = suite; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class) && Modifier.isPublic(method.getModifiers())) {
                    names.add(method.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Runs {@code check} of {@code suite} and returns its result. */
    static TestExecutionResult run(Class<?> suite, String check) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(suite, check))
                .configurationParameter(FixtureGate.PARAMETER, "true")
                .build();
        List<TestExecutionResult> results = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest()) {
                    results.add(result);
                }
            }
        });
        assertEquals(1, results.size(), () -> "expected one run of " + suite.getSimpleName() + "." + check
                + ", got " + results);
        return results.getFirst();
    }

    /** Asserts that {@code check} passes on the honest provider's suite and fails on the broken one's. */
    static void passesOnHonestAndFailsOnBroken(Class<?> honest, Map<String, Class<?>> broken, String check) {
        TestExecutionResult onHonest = run(honest, check);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, onHonest.getStatus(),
                () -> check + " must pass on the honest provider, but: " + onHonest.getThrowable().orElse(null));
        Class<?> fixture = broken.get(check);
        assertNotNull(fixture, () -> "no provider broken for " + check + ": a check that cannot fail proves nothing");
        TestExecutionResult onBroken = run(fixture, check);
        assertEquals(TestExecutionResult.Status.FAILED, onBroken.getStatus(),
                () -> check + " must fail on " + fixture.getSimpleName() + ", but it ended " + onBroken.getStatus());
        Throwable why = onBroken.getThrowable().orElseThrow();
        // an assertion of the check, not an accident of the fixture, must be what failed
        assertInstanceOf(AssertionError.class, why, () -> check + " failed on " + fixture.getSimpleName()
                + " by an exception, not by one of its assertions: " + why);
        record(check, fixture, why);
    }

    /** Keeps why each check failed on its broken provider, for review: target/tck-fixture-failures.txt. */
    private static synchronized void record(String check, Class<?> fixture, Throwable why) {
        String line = check + " | " + fixture.getSimpleName() + " | "
                + String.valueOf(why.getMessage()).replace('\n', ' ') + System.lineSeparator();
        try {
            java.nio.file.Files.writeString(FAILURES, line,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
