package org.tomprotocol.cli;

import picocli.CommandLine.IVersionProvider;

/** What {@code tom --version} prints: the CLI's version and the Java runtime it runs on. */
public final class TomVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "tom " + cliVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }

    /** The module version on the module path, the jar's Implementation-Version on the class path. */
    static String cliVersion() {
        Module module = TomVersion.class.getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            var raw = module.getDescriptor().rawVersion();
            if (raw.isPresent()) {
                return raw.get();
            }
        }
        Package pkg = TomVersion.class.getPackage();
        String implementation = pkg == null ? null : pkg.getImplementationVersion();
        return implementation != null ? implementation : "unknown";
    }
}
