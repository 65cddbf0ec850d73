package org.tomprotocol.transport.webrtc;

import java.util.List;

import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * Provides the {@code webrtc} transport: DataChannels to browser nodes (and to other nodes with this plugin), set up
 * with signalling the node carries as sealed, signed envelopes — no signalling server, no STUN server. It listens on
 * no address of its own: a channel comes up when a peer's offer arrives, or when the node connects to a peer it
 * knows only as {@code webrtc}. Its priority is below QUIC's.
 */
public final class WebRtcTransportProvider implements TransportProvider {
    static final String ID = "webrtc";
    static final String SCHEME = "webrtc";
    static final OptionSpec SETUP_TIMEOUT = new OptionSpec("webrtc.setup-timeout", OptionSpec.Type.MILLISECONDS,
            "15000", "A DataChannel not open this long after its offer is given up.");
    static final OptionSpec MAX_CHANNELS = new OptionSpec("webrtc.max-channels", OptionSpec.Type.INTEGER, "64",
            "DataChannels open or being set up at once; a further offer is ignored.");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(SETUP_TIMEOUT, MAX_CHANNELS);
    }

    /** Whether webrtc-java's native library loads here, and if not, what to install. */
    @Override
    public Availability availability() {
        return WebRtcNatives.availability();
    }

    @Override
    public Transport bind(TransportContext context) throws TransportException {
        Availability availability = availability();
        if (!availability.available()) {
            throw new TransportException("the webrtc transport cannot run here: " + availability.reason());
        }
        return WebRtcTransport.start(context, positive(context, SETUP_TIMEOUT), (int) positive(context, MAX_CHANNELS));
    }

    private static long positive(TransportContext context, OptionSpec option) throws TransportException {
        String text = context.option(option.key(), option.defaultValue()).strip();
        try {
            long value = Long.parseLong(text);
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the option
        }
        throw new TransportException(option.key() + " is '" + text + "': use a positive " + option.type().what());
    }
}
