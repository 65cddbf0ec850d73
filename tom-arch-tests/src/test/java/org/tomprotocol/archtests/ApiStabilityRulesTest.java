package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.UnsupportedFeatureException;
import org.tomprotocol.api.fixture.stability.MarkedApiType;
import org.tomprotocol.api.fixture.stability.UnmarkedApiType;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.core.fixture.stability.StubbedIncubatingFeature;
import org.tomprotocol.core.fixture.stability.StubbedStableFeature;
import org.tomprotocol.tck.UnmarkedSuiteFixture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The public surface says how far it can be relied on, as JUnit 5's does: every public type of the API, the
 * SPI, the TCK's suites and the command line's packages for extensions carries {@link Api}, and nothing that only throws {@link UnsupportedFeatureException} stands behind a
 * contract that is not {@link Api.Status#INCUBATING}.
 */
class ApiStabilityRulesTest {

    static final ArchRule PUBLIC_SURFACE_SAYS_ITS_STABILITY = classes()
            .that().resideInAnyPackage(TomPackages.API, TomPackages.SPI, TomPackages.TCK, TomPackages.CLI_EXPORTS)
            .and().arePublic().and().areTopLevelClasses()
            .should().beAnnotatedWith(Api.class)
            .because("a user of the API, the SPI, the TCK or the CLI's extension packages must know which types may still change (@Api)");

    static final ArchRule STUBS_ONLY_BEHIND_INCUBATING_CONTRACTS = classes()
            .should(throwUnsupportedFeatureOnlyForIncubatingContracts())
            .because("a feature that is not implemented yet must be marked @Api(status = INCUBATING), "
                    + "never presented as stable");

    private static ArchCondition<JavaClass> throwUnsupportedFeatureOnlyForIncubatingContracts() {
        return new ArchCondition<>("throw UnsupportedFeatureException only for an incubating contract") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean stubs = javaClass.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(UnsupportedFeatureException.class));
                if (stubs && !incubating(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " throws UnsupportedFeatureException but neither it nor a type it implements is "
                            + "@Api(status = INCUBATING)"));
                }
            }
        };
    }

    private static boolean incubating(JavaClass javaClass) {
        if (isIncubating(javaClass)) {
            return true;
        }
        return javaClass.getAllRawInterfaces().stream().anyMatch(ApiStabilityRulesTest::isIncubating)
                || javaClass.getAllRawSuperclasses().stream().anyMatch(ApiStabilityRulesTest::isIncubating);
    }

    private static boolean isIncubating(JavaClass type) {
        Optional<JavaAnnotation<JavaClass>> api = type.tryGetAnnotationOfType(Api.class.getName());
        return api.flatMap(annotation -> annotation.get("status"))
                .map(status -> ((JavaEnumConstant) status).name().equals(Api.Status.INCUBATING.name()))
                .orElse(false);
    }

    @Test
    void everyPublicTypeOfTheApiAndTheSpiSaysItsStability() {
        PUBLIC_SURFACE_SAYS_ITS_STABILITY.check(ProductionClasses.all());
    }

    @Test
    void onlyIncubatingContractsAreStubbedWithUnsupportedFeature() {
        STUBS_ONLY_BEHIND_INCUBATING_CONTRACTS.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsAPublicApiTypeWithoutStability() {
        assertReports(PUBLIC_SURFACE_SAYS_ITS_STABILITY, UnmarkedApiType.class);
    }

    @Test
    void ruleReportsAPublicTckTypeWithoutStability() {
        assertReports(PUBLIC_SURFACE_SAYS_ITS_STABILITY, UnmarkedSuiteFixture.class);
    }

    @Test
    void ruleAcceptsAPublicApiTypeThatSaysItsStability() {
        assertAccepts(PUBLIC_SURFACE_SAYS_ITS_STABILITY, MarkedApiType.class);
    }

    @Test
    void ruleReportsAStubBehindAStableContract() {
        assertReports(STUBS_ONLY_BEHIND_INCUBATING_CONTRACTS, StubbedStableFeature.class);
    }

    @Test
    void ruleAcceptsAStubBehindAnIncubatingContract() {
        assertAccepts(STUBS_ONLY_BEHIND_INCUBATING_CONTRACTS, StubbedIncubatingFeature.class);
    }
}
