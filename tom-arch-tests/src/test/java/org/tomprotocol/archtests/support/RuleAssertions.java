package org.tomprotocol.archtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Proof that a rule can fail: it reports a deliberately violating fixture, by name. */
public final class RuleAssertions {
    private RuleAssertions() {
    }

    /** Asserts that {@code rule}, run against only {@code fixtures}, reports each of them. */
    public static EvaluationResult assertReports(ArchRule rule, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(ProductionClasses.only(fixtures));
        assertThat(result.hasViolation())
                .as("rule <%s> must report the violating fixtures", rule.getDescription())
                .isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (Class<?> fixture : fixtures) {
            assertThat(report).as("failure report of <%s>", rule.getDescription()).contains(fixture.getName());
        }
        return result;
    }

    /** Asserts that {@code rule} accepts {@code compliant}: the rule does not report what it should allow. */
    public static void assertAccepts(ArchRule rule, Class<?>... compliant) {
        // A compliant class may fall outside the rule's that() clause altogether, which is acceptance too.
        EvaluationResult result = rule.allowEmptyShould(true).evaluate(ProductionClasses.only(compliant));
        assertThat(result.getFailureReport().getDetails())
                .as("rule <%s> must accept the compliant fixtures", rule.getDescription())
                .isEmpty();
    }
}
