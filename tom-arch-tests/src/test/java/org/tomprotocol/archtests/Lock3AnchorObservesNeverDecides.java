package org.tomprotocol.archtests;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.spi.anchor.Anchor;
import org.tomprotocol.spi.anchor.AnchorProvider;
import org.tomprotocol.spi.anchor.fixture.CovariantAnchorProvider;
import org.tomprotocol.spi.anchor.fixture.ObservingAnchor;
import org.tomprotocol.spi.anchor.fixture.VetoingAnchor;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Lock 3: the anchor (L1) observes, never decides. Nothing an anchor returns can reach a protocol decision:
 * every method of the anchor SPI returns {@code void} and declares no checked exception. The only exceptions
 * are the provider contract every plugin has (id, priority, availability) and {@code AnchorProvider.open},
 * which returns exactly {@link Anchor}.
 */
class Lock3AnchorObservesNeverDecides {
    private static final Set<String> PROVIDER_CONTRACT = Set.of("id", "priority", "availability");

    static final ArchRule ANCHOR_SPI_RETURNS_NOTHING_TO_BRANCH_ON = methods()
            .that().areDeclaredInClassesThat(resideInAPackage(TomPackages.ANCHOR_SPI).and(INTERFACES))
            .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .and().doNotHaveModifier(JavaModifier.BRIDGE)
            .should(giveTheEngineNothingToBranchOn())
            .because("lock 3: the anchor observes, never decides");

    private static ArchCondition<JavaMethod> giveTheEngineNothingToBranchOn() {
        return new ArchCondition<>("return void and declare no checked exception") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (isProviderContract(method)) {
                    return;
                }
                String allowedReturn = isOpen(method) ? Anchor.class.getName() : "void";
                String returned = method.getRawReturnType().getName();
                if (!returned.equals(allowedReturn)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns " + returned
                            + " where only " + allowedReturn + " is allowed"));
                }
                List<String> checked = method.getThrowsClause().getTypes().stream()
                        .filter(Lock3AnchorObservesNeverDecides::isChecked).map(JavaClass::getName).toList();
                if (!checked.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " declares checked exceptions " + checked));
                }
            }
        };
    }

    private static boolean isProviderContract(JavaMethod method) {
        return PROVIDER_CONTRACT.contains(method.getName()) && method.getRawParameterTypes().isEmpty();
    }

    private static boolean isOpen(JavaMethod method) {
        return method.getName().equals("open") && method.getOwner().isAssignableTo(AnchorProvider.class);
    }

    private static boolean isChecked(JavaClass exception) {
        return !exception.isAssignableTo(RuntimeException.class) && !exception.isAssignableTo(Error.class);
    }

    @Test
    void anchorSpiGivesTheEngineNothingToBranchOn() {
        ANCHOR_SPI_RETURNS_NOTHING_TO_BRANCH_ON.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsAnAnchorThatAnswersOrThrowsChecked() {
        var result = assertReports(ANCHOR_SPI_RETURNS_NOTHING_TO_BRANCH_ON, VetoingAnchor.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("allowRelay", "returns boolean", "observe", "java.io.IOException");
    }

    @Test
    void ruleReportsAProviderWhoseOpenReturnsMoreThanAnAnchor() {
        assertReports(ANCHOR_SPI_RETURNS_NOTHING_TO_BRANCH_ON, CovariantAnchorProvider.class);
    }

    @Test
    void ruleAcceptsAnAnchorThatOnlyObserves() {
        assertAccepts(ANCHOR_SPI_RETURNS_NOTHING_TO_BRANCH_ON, ObservingAnchor.class, ObservingAnchor.Provider.class);
    }
}
