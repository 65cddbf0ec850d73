package org.tomprotocol.tck;

import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/**
 * The crypto suite TCK on {@code tom-v1}, the suite of this repository. It runs here rather than in tom-crypto
 * because the TCK's own tests need tom-v1 (to prove each check can fail), and Maven forbids the cycle.
 */
class TomV1CryptoSuiteTckTest extends CryptoSuiteTck {
    @Override
    protected CryptoSuiteProvider provider() {
        return new TomV1CryptoSuiteProvider();
    }
}
