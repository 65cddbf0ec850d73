package org.tomprotocol.transport.web;

import java.util.List;
import java.util.Map;

import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.tck.ConfigurableProviderTck;

/**
 * The provider checks every plugin passes: id, priority, declared options (a wrong type refused naming its key, the
 * defaults accepted). The transport checks of {@code TransportTck} dial, which a browser endpoint never does.
 */
class WebTransportProviderTckTest extends ConfigurableProviderTck<WebTransportProvider> {
    @Override
    protected WebTransportProvider provider() {
        return new WebTransportProvider();
    }

    @Override
    protected void startWith(Map<String, String> options) throws Exception {
        TomV1Suite suite = new TomV1Suite();
        provider().bind(new TransportContext(suite.generateIdentity(), suite,
                List.of(TransportAddress.parse("ws:127.0.0.1:0")), 1 << 16, options, new IgnoringListener())).close();
    }
}
