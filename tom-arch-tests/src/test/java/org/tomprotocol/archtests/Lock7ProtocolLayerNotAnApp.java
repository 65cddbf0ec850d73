package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.core.fixture.QuietEngine;
import org.tomprotocol.discovery.fixture.DiscoveryWithACommandLine;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Lock 7: ToM is a protocol layer, not an app. The command line (with its lab, the commands it loads apart) is
 * one application built on the API; no library module depends on it, nor on a command-line or graphical user
 * interface toolkit.
 */
class Lock7ProtocolLayerNotAnApp {
    static final ArchRule LIBRARIES_HAVE_NO_USER_INTERFACE = noClasses()
            .that().resideOutsideOfPackages(TomPackages.CLI, TomPackages.LAB)
            .should().dependOnClassesThat()
            .resideInAnyPackage(TomPackages.CLI, "picocli..", "java.awt..", "javax.swing..", "javafx..")
            .because("lock 7: applications are built on ToM; ToM is not one");

    @Test
    void librariesHaveNoUserInterface() {
        LIBRARIES_HAVE_NO_USER_INTERFACE.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsALibraryWithACommandLine() {
        var result = assertReports(LIBRARIES_HAVE_NO_USER_INTERFACE, DiscoveryWithACommandLine.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("org.tomprotocol.cli.TomCli", "picocli.CommandLine");
    }

    @Test
    void ruleAcceptsALibraryWithoutOne() {
        assertAccepts(LIBRARIES_HAVE_NO_USER_INTERFACE, QuietEngine.class);
    }
}
