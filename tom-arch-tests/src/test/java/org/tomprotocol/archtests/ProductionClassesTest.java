package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomModule;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/** The rules see every production module and nothing of this test module: no test class, no fixture. */
class ProductionClassesTest {
    @Test
    void everyRequiredModuleContributesClasses() {
        JavaClasses all = ProductionClasses.all();

        for (TomModule module : TomModule.REQUIRED) {
            ModuleJars.require(module);
            assertThat(all.stream().map(JavaClass::getPackageName))
                    .as("classes of %s", module.moduleName())
                    .anyMatch(pkg -> pkg.equals(module.moduleName()) || pkg.startsWith(module.moduleName() + "."));
        }
        assertThat(all.contain("org.tomprotocol.api.Tom")).isTrue();
        assertThat(all.contain("org.tomprotocol.core.TomEngineProvider")).isTrue();
        assertThat(all.contain("org.tomprotocol.cli.TomCli")).isTrue();
    }

    @Test
    void testClassesAndFixturesAreNotProduction() {
        JavaClasses all = ProductionClasses.all();

        assertThat(all.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith("org.tomprotocol.archtests."))
                .noneMatch(name -> name.contains(".fixture."));
    }
}
