package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.fixture.ApiClassUsingJavaOnly;
import org.tomprotocol.api.fixture.ApiClassUsingSpi;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.cli.fixture.CliUsingCore;
import org.tomprotocol.cli.fixture.CliUsingTheTestKit;
import org.tomprotocol.cli.fixture.PrintingCommand;
import org.tomprotocol.core.fixture.CoreUsingAPlugin;
import org.tomprotocol.crypto.fixture.CryptoPluginUsingCore;
import org.tomprotocol.lab.fixture.LabUsingCore;
import org.tomprotocol.spi.fixture.SpiClassUsingCore;
import org.tomprotocol.tck.fixture.TckUsingCore;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module map as dependency rules: api ← spi ← {core, plugins}; plugins never see the engine, the engine
 * never sees a plugin's classes, and only {@code ServiceLoader} connects them.
 */
class ModuleDependencyRulesTest {
    static final ArchRule API_DEPENDS_ONLY_ON_JAVA = classes()
            .that().resideInAPackage(TomPackages.API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TomPackages.API)
            .because("applications compile against the API alone, so it must not drag anything in");

    static final ArchRule SPI_DEPENDS_ONLY_ON_API = classes()
            .that().resideInAPackage(TomPackages.SPI)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TomPackages.API, TomPackages.SPI)
            .because("plugin authors implement the SPI without seeing the engine");

    static final ArchRule NO_PLUGIN_DEPENDS_ON_CORE = noClasses()
            .that().resideInAnyPackage(TomPackages.PLUGINS)
            .should().dependOnClassesThat().resideInAPackage(TomPackages.CORE)
            .because("plugins see the SPI only; the engine can change without breaking them")
            .allowEmptyShould(true);

    static final ArchRule CORE_DEPENDS_ON_NO_PLUGIN = noClasses()
            .that().resideInAPackage(TomPackages.CORE)
            .should().dependOnClassesThat().resideInAnyPackage(TomPackages.and(TomPackages.PLUGINS, TomPackages.CLI))
            .because("the engine finds plugins with ServiceLoader, so any of them can be swapped by a jar");

    static final ArchRule CLI_COMPILES_AGAINST_THE_API_ONLY = classes()
            .that().resideInAPackage(TomPackages.CLI)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", TomPackages.API, TomPackages.CLI,
                    "picocli..", "com.fasterxml.jackson..", "io.prometheus.metrics..")
            .because("the CLI is an application like any other: engine and providers come through Tom, and what "
                    + "reaches below the API (the test kit, bare providers) is the lab, packaged apart");

    static final ArchRule LAB_NEVER_SEES_THE_ENGINE = noClasses()
            .that().resideInAPackage(TomPackages.LAB)
            .should().dependOnClassesThat()
            .resideInAnyPackage(TomPackages.and(TomPackages.PROVIDER_PLUGINS, TomPackages.CORE))
            .because("the lab drives the engine and the providers through the API, the SPI and ServiceLoader");

    @Test
    void apiDependsOnlyOnJava() {
        API_DEPENDS_ONLY_ON_JAVA.check(ProductionClasses.all());
    }

    @Test
    void apiRuleReportsAnApiClassUsingTheSpi() {
        assertReports(API_DEPENDS_ONLY_ON_JAVA, ApiClassUsingSpi.class);
        assertAccepts(API_DEPENDS_ONLY_ON_JAVA, ApiClassUsingJavaOnly.class);
    }

    @Test
    void spiDependsOnlyOnApi() {
        SPI_DEPENDS_ONLY_ON_API.check(ProductionClasses.all());
    }

    @Test
    void spiRuleReportsAnSpiClassUsingCore() {
        assertReports(SPI_DEPENDS_ONLY_ON_API, SpiClassUsingCore.class);
    }

    @Test
    void noPluginDependsOnCore() {
        NO_PLUGIN_DEPENDS_ON_CORE.check(ProductionClasses.all());
    }

    @Test
    void pluginRuleReportsAPluginUsingCore() {
        assertReports(NO_PLUGIN_DEPENDS_ON_CORE, CryptoPluginUsingCore.class);
    }

    @Test
    void pluginRuleReportsTheTckUsingCore() {
        assertReports(NO_PLUGIN_DEPENDS_ON_CORE, TckUsingCore.class);
    }

    @Test
    void coreDependsOnNoPlugin() {
        CORE_DEPENDS_ON_NO_PLUGIN.check(ProductionClasses.all());
    }

    @Test
    void coreRuleReportsCoreUsingAPlugin() {
        assertReports(CORE_DEPENDS_ON_NO_PLUGIN, CoreUsingAPlugin.class);
    }

    @Test
    void cliCompilesAgainstTheApiOnly() {
        CLI_COMPILES_AGAINST_THE_API_ONLY.check(ProductionClasses.all());
    }

    @Test
    void cliRuleReportsTheCliUsingCoreOrTheTestKit() {
        assertReports(CLI_COMPILES_AGAINST_THE_API_ONLY, CliUsingCore.class);
        assertReports(CLI_COMPILES_AGAINST_THE_API_ONLY, CliUsingTheTestKit.class);
        assertAccepts(CLI_COMPILES_AGAINST_THE_API_ONLY, PrintingCommand.class);
    }

    @Test
    void labNeverSeesTheEngine() {
        LAB_NEVER_SEES_THE_ENGINE.check(ProductionClasses.all());
    }

    @Test
    void labRuleReportsTheLabUsingCore() {
        assertReports(LAB_NEVER_SEES_THE_ENGINE, LabUsingCore.class);
    }
}
