package org.tomprotocol.crypto.sodium;

import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.tck.CryptoSuiteTck;

/** The crypto suite TCK on the libsodium provider: the same contract and wire vectors as the base suite. */
class SodiumCryptoSuiteTckTest extends CryptoSuiteTck {
    @Override
    protected CryptoSuiteProvider provider() {
        return new SodiumCryptoSuiteProvider();
    }
}
