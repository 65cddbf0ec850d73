package org.tomprotocol.archtests;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.archtests.support.ModuleJar;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.crypto.fixture.PackageInsideItsModule;
import org.tomprotocol.cryptography.fixture.PackageOutsideItsModule;
import org.tomprotocol.fixture.cycle.left.Left;
import org.tomprotocol.fixture.cycle.right.Right;

import com.tngtech.archunit.lang.ArchRule;

/** No cycles between packages, and every package inside the package tree named after its module. */
class PackageRulesTest {
    /**
     * The one intended cycle: {@code org.tomprotocol.api.spi} holds the engine provider that
     * {@code Tom.node()} looks up and that returns API types. It is a package of its own only because the API
     * module must declare {@code uses} for it (the JDK's {@code HttpServer}/{@code HttpServerProvider} pair
     * has the same shape), so the API and its provider package are treated as one unit.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.tomprotocol.(**)")
            .namingSlices("package org.tomprotocol.$1")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("org.tomprotocol.api.spi"), resideInAPackage("org.tomprotocol.api"))
            .because("a cycle makes two packages one; layers must be peelable for tests and for plugins");

    /** Every class of module {@code moduleName} lives in package {@code moduleName} or below it. */
    static ArchRule packagesStartWithModuleName(String moduleName) {
        return classes().should().resideInAPackage(moduleName + "..")
                .as("every package of module " + moduleName + " starts with " + moduleName)
                .because("the module name is the root package, so a class name tells which jar holds it");
    }

    static Collection<ModuleJar> modules() {
        return ModuleJars.all().values();
    }

    @Test
    void productionPackagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(ProductionClasses.all());
    }

    @Test
    void cycleRuleReportsAPackageCycle() {
        assertReports(NO_PACKAGE_CYCLES, Left.class, Right.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyPackageStartsWithItsModuleName(ModuleJar module) {
        packagesStartWithModuleName(module.name()).check(ProductionClasses.of(module));
        assertThat(module.descriptor().packages())
                .as("packages of %s per its module descriptor", module.name())
                .allSatisfy(pkg -> assertThat(pkg.equals(module.name()) || pkg.startsWith(module.name() + "."))
                        .as("package %s", pkg).isTrue());
    }

    @Test
    void packageRuleReportsAPackageThatOnlySharesTheModuleNamesText() {
        ArchRule rule = packagesStartWithModuleName("org.tomprotocol.crypto");

        assertReports(rule, PackageOutsideItsModule.class);
        assertAccepts(rule, PackageInsideItsModule.class);
    }
}
