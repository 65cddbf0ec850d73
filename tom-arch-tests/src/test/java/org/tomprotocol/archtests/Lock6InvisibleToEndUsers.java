package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.io.Console;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.core.fixture.EngineWithAHistogram;
import org.tomprotocol.core.fixture.EngineWithAMetricsRegistry;
import org.tomprotocol.core.fixture.PrintingEngine;
import org.tomprotocol.core.fixture.QuietEngine;
import org.tomprotocol.transport.fixture.PromptingTransport;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Lock 6: ToM is invisible to end users and needs no configuration. No library module talks to a person: it
 * neither prints nor reads a terminal, nor ties the application to a metrics system (a node exposes
 * {@code NodeMetrics}; the CLI, or a bridge of the application's choosing, exports it). (That defaults just
 * work is shown by behaviour tests, e.g. a node starting with {@code Tom.node().start()} alone.)
 */
class Lock6InvisibleToEndUsers {
    static final ArchRule LIBRARIES_NEITHER_PRINT_NOR_PROMPT = noClasses()
            .that().resideOutsideOfPackage(TomPackages.CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .orShould().accessField(System.class, "in")
            .orShould().callMethod(System.class, "console")
            .orShould().dependOnClassesThat().areAssignableTo(Console.class)
            .because("lock 6: the protocol is invisible; only the application it is embedded in faces the user");

    static final ArchRule LIBRARIES_DEPEND_ON_NO_METRICS_LIBRARY = noClasses()
            .that().resideOutsideOfPackage(TomPackages.CLI)
            .should().dependOnClassesThat().resideInAnyPackage("io.prometheus..", "io.micrometer..",
                    "io.opentelemetry..", "com.codahale.metrics..", "io.dropwizard.metrics..")
            .because("lock 6: an embedding application picks its own metrics system; libraries expose "
                    + "NodeMetrics and the CLI bridges it to Prometheus");

    @Test
    void librariesDependOnNoMetricsLibrary() {
        LIBRARIES_DEPEND_ON_NO_METRICS_LIBRARY.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsALibraryWithAMetricsRegistry() {
        assertReports(LIBRARIES_DEPEND_ON_NO_METRICS_LIBRARY, EngineWithAMetricsRegistry.class);
    }

    @Test
    void ruleAcceptsALibraryWithAHistogram() {
        assertAccepts(LIBRARIES_DEPEND_ON_NO_METRICS_LIBRARY, EngineWithAHistogram.class, QuietEngine.class);
    }

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
