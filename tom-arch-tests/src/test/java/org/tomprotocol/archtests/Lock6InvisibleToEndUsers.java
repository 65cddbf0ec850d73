package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.io.Console;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.core.fixture.PrintingEngine;
import org.tomprotocol.core.fixture.QuietEngine;
import org.tomprotocol.transport.fixture.PromptingTransport;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Lock 6: ToM is invisible to end users and needs no configuration. No library module talks to a person: it
 * neither prints nor reads a terminal. (That defaults just work is shown by behaviour tests, e.g. a node
 * starting with {@code Tom.node().start()} alone.)
 */
class Lock6InvisibleToEndUsers {
    static final ArchRule LIBRARIES_NEITHER_PRINT_NOR_PROMPT = noClasses()
            .that().resideOutsideOfPackage(TomPackages.CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .orShould().accessField(System.class, "in")
            .orShould().callMethod(System.class, "console")
            .orShould().dependOnClassesThat().areAssignableTo(Console.class)
            .because("lock 6: the protocol is invisible; only the application it is embedded in faces the user");

    @Test
    void librariesNeitherPrintNorPrompt() {
        LIBRARIES_NEITHER_PRINT_NOR_PROMPT.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsALibraryThatPrompts() {
        assertReports(LIBRARIES_NEITHER_PRINT_NOR_PROMPT, PromptingTransport.class);
    }

    @Test
    void ruleReportsALibraryThatPrints() {
        assertReports(LIBRARIES_NEITHER_PRINT_NOR_PROMPT, PrintingEngine.class);
    }

    @Test
    void ruleAcceptsALibraryThatLogs() {
        assertAccepts(LIBRARIES_NEITHER_PRINT_NOR_PROMPT, QuietEngine.class);
    }
}
