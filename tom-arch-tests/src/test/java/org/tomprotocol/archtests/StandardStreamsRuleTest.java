package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.cli.fixture.PrintingCommand;
import org.tomprotocol.core.fixture.PrintingEngine;

import com.tngtech.archunit.lang.ArchRule;

/** Only the command line writes to the terminal; libraries log through {@code System.Logger}. */
class StandardStreamsRuleTest {
    static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_CLI = noClasses()
            .that().resideOutsideOfPackage(TomPackages.CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .because("a library that prints pollutes its host application's output; use System.Logger");

    @Test
    void onlyTheCliUsesStandardStreams() {
        NO_STANDARD_STREAMS_OUTSIDE_CLI.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsAnEngineClassThatPrints() {
        assertReports(NO_STANDARD_STREAMS_OUTSIDE_CLI, PrintingEngine.class);
        assertAccepts(NO_STANDARD_STREAMS_OUTSIDE_CLI, PrintingCommand.class);
    }
}
