/**
 * The application-facing API of ToM, The Open Messaging.
 *
 * <p>Start a node with {@code Tom.node().start()}; send with {@link org.tomprotocol.api.TomNode#send}.
 * The {@code org.tomprotocol.api.spi} package holds the one service contract that must live beside the
 * API: the engine provider that {@link org.tomprotocol.api.Tom#node()} looks up, and the provider base
 * type every plugin implements.
 *
 * @uses org.tomprotocol.api.spi.EngineProvider
 */
module org.tomprotocol.api {
    exports org.tomprotocol.api;
    exports org.tomprotocol.api.spi;

    uses org.tomprotocol.api.spi.EngineProvider;
}
