/**
 * The testkit's in-memory transport as a plugin: every node of the process that has it reaches the others
 * over {@code mem:} addresses, on real time. Kept out of the runtime image on purpose; dropping this jar into
 * the image's {@code plugins/} directory adds it.
 */
module org.tomprotocol.transport.mem {
    requires org.tomprotocol.testkit;

    provides org.tomprotocol.spi.transport.TransportProvider
            with org.tomprotocol.transport.mem.SharedMemoryTransportProvider;
}
