package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.archtests.support.ModuleDescriptorRules;
import org.tomprotocol.archtests.support.ModuleJar;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.TomModule;

/**
 * What the built jars' module descriptors say: implementation packages are not exported, packages sit under
 * the module name, and every provider is declared both with {@code provides} and in
 * {@code META-INF/services}.
 */
class ModuleDescriptorRulesTest {
    static Collection<ModuleJar> modules() {
        return ModuleJars.all().values();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void everyRequiredModuleIsOnTheClassPath(TomModule module) {
        if (TomModule.REQUIRED.contains(module)) {
            assertThat(ModuleJars.require(module).name()).isEqualTo(module.moduleName());
        } else {
            assertThat(ModuleJars.find(module.moduleName()))
                    .as("%s is on the class path: add it to TomModule.REQUIRED so it stays covered",
                            module.moduleName())
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void exportsOnlyItsContracts(ModuleJar module) {
        TomModule known = TomModule.named(module.name()).orElseThrow(() -> new AssertionError("unknown module "
                + module.name() + ": add it to TomModule with the packages it may export"));

        assertThat(ModuleDescriptorRules.exportViolations(module.descriptor(), known.allowedExports())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void declaresProvidersForTheModulePathAndTheClassPath(ModuleJar module) {
        assertThat(ModuleDescriptorRules.serviceDeclarationMismatches(module.descriptor(), module.serviceFiles()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void keepsItsPackagesUnderItsName(ModuleJar module) {
        assertThat(ModuleDescriptorRules.packagePrefixViolations(module.descriptor())).isEmpty();
    }

    @Test
    void theEngineProvidesItselfBothWays() {
        ModuleJar core = ModuleJars.require(TomModule.CORE);

        assertThat(core.serviceFiles()).containsEntry("org.tomprotocol.api.spi.EngineProvider",
                Set.of("org.tomprotocol.core.TomEngineProvider"));
    }

    @Test
    void exportRuleReportsAnExportedImplementationPackage() {
        ModuleDescriptor fixture = ModuleDescriptor.newModule("org.tomprotocol.crypto")
                .exports("org.tomprotocol.crypto.internal")
                .exports("org.tomprotocol.crypto.bc", Set.of("org.tomprotocol.core"))
                .opens("org.tomprotocol.crypto.keys")
                .packages(Set.of("org.tomprotocol.crypto"))
                .build();

        assertThat(ModuleDescriptorRules.exportViolations(fixture, TomModule.CRYPTO.allowedExports()))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("exports implementation package org.tomprotocol.crypto.internal"))
                .anySatisfy(v -> assertThat(v).contains("org.tomprotocol.crypto.bc to [org.tomprotocol.core]"))
                .anySatisfy(v -> assertThat(v).contains("opens org.tomprotocol.crypto.keys to every module"));
    }

    @Test
    void exportRuleReportsAnOpenModuleAndAcceptsAllowedExportsAndQualifiedOpens() {
        ModuleDescriptor open = ModuleDescriptor.newOpenModule("org.tomprotocol.cli").build();
        ModuleDescriptor qualifiedOpens = ModuleDescriptor.newModule("org.tomprotocol.cli")
                .opens("org.tomprotocol.cli", Set.of("info.picocli")).build();

        assertThat(ModuleDescriptorRules.exportViolations(open, Set.of()))
                .singleElement().asString().contains("org.tomprotocol.cli is an open module");
        assertThat(ModuleDescriptorRules.exportViolations(qualifiedOpens, Set.of())).isEmpty();
    }

    @Test
    void serviceRuleReportsProvidersDeclaredOnlyOneWay() {
        ModuleDescriptor fixture = ModuleDescriptor.newModule("org.tomprotocol.transport.quic")
                .provides("org.tomprotocol.spi.transport.TransportProvider",
                        List.of("org.tomprotocol.transport.quic.QuicTransportProvider"))
                .packages(Set.of("org.tomprotocol.transport.quic"))
                .build();
        Map<String, Set<String>> onlyOnTheClassPath = Map.of("org.tomprotocol.spi.discovery.DiscoveryProvider",
                Set.of("org.tomprotocol.transport.quic.MdnsDiscoveryProvider"));

        assertThat(ModuleDescriptorRules.serviceDeclarationMismatches(fixture, onlyOnTheClassPath))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("TransportProvider", "QuicTransportProvider", "lists []"))
                .anySatisfy(v -> assertThat(v).contains("DiscoveryProvider", "provides []", "MdnsDiscoveryProvider"));
        assertThat(ModuleDescriptorRules.serviceDeclarationMismatches(fixture, Map.of(
                "org.tomprotocol.spi.transport.TransportProvider",
                Set.of("org.tomprotocol.transport.quic.QuicTransportProvider")))).isEmpty();
    }

    @Test
    void packageRuleReportsAPackageOutsideTheModuleName() {
        ModuleDescriptor fixture = ModuleDescriptor.newModule("org.tomprotocol.crypto")
                .packages(Set.of("org.tomprotocol.crypto", "org.tomprotocol.crypto.bc", "org.tomprotocol.cryptography"))
                .build();

        assertThat(ModuleDescriptorRules.packagePrefixViolations(fixture))
                .containsExactly("module org.tomprotocol.crypto contains package org.tomprotocol.cryptography, "
                        + "outside org.tomprotocol.crypto");
    }
}
