package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.core.engine.AdmissionCost;
import org.tomprotocol.core.engine.OriginAdmission;
import org.tomprotocol.core.fixture.GentleAdmission;
import org.tomprotocol.core.fixture.OriginGateAdmission;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Lock 5: abuse is answered by a rising cost, never by a block. The admission decision — every type named
 * "…Admission…" — holds no yes/no state and answers only with numbers: a number, or a cost whose parts are all
 * numbers (a priority, a delay, a stamp difficulty). No answer can mean "refused because of who sent it". It covers
 * the core, where messages are priced by their signed origin; a transport's limits on connections by address (the
 * QUIC transport's {@code InboundAdmission}: half-open caps, Retry against amplification) guard resources before any
 * origin is known, and are not an origin's admission.
 */
class Lock5AbuseIsPricedNeverBlocked {
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    static final ArchRule ADMISSION_ONLY_PRICES = classes()
            .that().haveSimpleNameContaining("Admission").and().resideInAPackage("org.tomprotocol.core..")
            .should(answerOnlyWithNumbers())
            .because("lock 5: an origin over its budget pays more, it is never refused");

    private static ArchCondition<JavaClass> answerOnlyWithNumbers() {
        return new ArchCondition<>("hold no yes/no state and answer only with numbers or costs made of numbers") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaField field : type.getFields()) {
                    if (!generated(field.getModifiers()) && isBoolean(field.getRawType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                + " is a yes/no state in an admission decision"));
                    }
                }
                for (JavaMethod method : type.getMethods()) {
                    if (generated(method.getModifiers()) || method.getModifiers().contains(JavaModifier.PRIVATE)
                            || OBJECT_METHODS.contains(method.getName())) {
                        continue;
                    }
                    JavaClass returned = method.getRawReturnType();
                    if (!returned.getName().equals("void") && !Lock4ReputationIsAGradient.isNumeric(
                            method.getReturnType()) && !isCost(returned)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers with "
                                + returned.getName() + ": an admission answers only with a number or a cost"));
                    }
                }
            }
        };
    }

    /** A type made only of numbers (its instance fields), at least one. */
    private static boolean isCost(JavaClass type) {
        var fields = type.getFields().stream().filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                .toList();
        return !fields.isEmpty() && fields.stream().allMatch(field -> Lock4ReputationIsAGradient.isNumeric(
                field.getType()) && !isBoolean(field.getRawType()));
    }

    private static boolean isBoolean(JavaClass type) {
        return type.getName().equals("boolean") || type.getName().equals(Boolean.class.getName());
    }

    private static boolean generated(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE);
    }

    @Test
    void theNodesAdmissionOnlyPrices() {
        var production = ProductionClasses.all();
        assertThat(production.contain(OriginAdmission.class) && production.contain(AdmissionCost.class))
                .as("the admission decision is among the classes checked").isTrue();
        ADMISSION_ONLY_PRICES.check(production);
    }

    @Test
    void theRuleReportsAnAdmissionThatAnswersYesOrNo() {
        var result = assertReports(ADMISSION_ONLY_PRICES, OriginGateAdmission.class,
                OriginGateAdmission.OriginVerdict.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("flooded", "admit(java.lang.String)", "judge(java.lang.String)", "OriginVerdict");
    }

    @Test
    void theRuleAcceptsAnAdmissionThatAnswersWithAPrice() {
        assertAccepts(ADMISSION_ONLY_PRICES, GentleAdmission.class, GentleAdmission.GentleCost.class);
    }
}
