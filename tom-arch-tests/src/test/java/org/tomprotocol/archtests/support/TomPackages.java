package org.tomprotocol.archtests.support;

/** ArchUnit package patterns of the ToM modules. */
public final class TomPackages {
    public static final String API = "org.tomprotocol.api..";
    public static final String SPI = "org.tomprotocol.spi..";
    public static final String CORE = "org.tomprotocol.core..";
    public static final String CLI = "org.tomprotocol.cli..";
    public static final String LAB = "org.tomprotocol.lab..";
    /** The command line's packages for command extensions (the lab): tom's only exported packages. */
    public static final String CLI_EXPORTS = "org.tomprotocol.cli.(extension|output)";
    public static final String TESTKIT = "org.tomprotocol.testkit..";
    public static final String ANCHOR_SPI = "org.tomprotocol.spi.anchor..";
    /** The TCK's exported package: the suites plugin authors extend (its helpers below it are not exported). */
    public static final String TCK = "org.tomprotocol.tck";
    /** The modules that only provide services: they never see the engine, and the engine never sees them. */
    public static final String[] PROVIDER_PLUGINS = {
        "org.tomprotocol.crypto..", "org.tomprotocol.transport..", "org.tomprotocol.discovery..",
        "org.tomprotocol.store.."
    };
    /**
     * Every plugin module, with the libraries that plugins and their tests use: the provider-only ones, the testkit
     * and the TCK. None may see the engine.
     */
    public static final String[] PLUGINS = {
        "org.tomprotocol.crypto..", "org.tomprotocol.transport..", "org.tomprotocol.discovery..",
        "org.tomprotocol.store..", "org.tomprotocol.testkit..", "org.tomprotocol.tck.."
    };

    private TomPackages() {
    }

    /** {@code patterns} followed by {@code more}. */
    public static String[] and(String[] patterns, String... more) {
        String[] all = java.util.Arrays.copyOf(patterns, patterns.length + more.length);
        System.arraycopy(more, 0, all, patterns.length, more.length);
        return all;
    }
}
