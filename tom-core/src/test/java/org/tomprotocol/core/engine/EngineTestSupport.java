package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.WireException;

/** Builders and recorders for testing the pure state machines without crypto, transports or threads. */
final class EngineTestSupport {
    private EngineTestSupport() {
    }

    static NodeId node(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) n;
        key[31] = (byte) 0x42;
        return NodeId.of(key);
    }

    /** A "verified" envelope as the worker stage would hand it over (signature checks are not the router's job). */
    static VerifiedEnvelope verified(Envelope envelope, NodeId hop, byte[] nonce) {
        try {
            DecodedEnvelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(envelope.withSignature(new byte[64])));
            AckPayload ack = envelope.type() == MessageType.Ack ? AckPayload.decode(envelope.payload()) : null;
            ReadReceiptPayload receipt = envelope.type() == MessageType.ReadReceipt
                    ? ReadReceiptPayload.decode(envelope.payload()) : null;
            byte[] plaintext = envelope.type() == MessageType.Chat ? new byte[] {1} : null;
            if (envelope.type() == MessageType.Signal && envelope.via().isEmpty()) {
                // the router's input for signalling: its payload here is the signal's plaintext, as if opened
                return new VerifiedEnvelope(decoded, hop, org.tomprotocol.core.wire.SignalPayload.decode(envelope.payload()));
            }
            org.tomprotocol.core.wire.RendezvousPayload rendezvous = envelope.type() == MessageType.Rendezvous
                    ? org.tomprotocol.core.wire.RendezvousPayload.decode(envelope.payload()) : null;
            return new VerifiedEnvelope(decoded, hop, plaintext, nonce, ack, receipt, null, rendezvous);
        } catch (WireException e) {
            throw new AssertionError(e);
        }
    }

    static Envelope envelope(MessageType type, NodeId from, NodeId to, List<NodeId> via, byte[] payload, long timestamp) {
        return Envelope.unsigned(MessageId.random(), from, to, via, type, payload, timestamp, false);
    }

    /** Records every effect of a {@link DeliveryTracker}. */
    static final class RecordingTrackerEffects implements TrackerEffects {
        record Status(MessageId id, MessageStatus previous, MessageStatus current, long at,
                      DeliveryFailedException.Reason failure) {
        }

        record Timer(TrackerTimer timer, MessageId id, int generation, long deadline) {
        }

        final List<Path> transmissions = new ArrayList<>();
        final List<Status> statuses = new ArrayList<>();
        final List<Timer> timers = new ArrayList<>();

        @Override
        public void transmit(OutboundState message) {
            transmissions.add(message.path());
        }

        @Override
        public void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, long now,
                                  DeliveryFailedException.Reason failure) {
            statuses.add(new Status(id, previous, current, now, failure));
        }

        @Override
        public void schedule(TrackerTimer timer, MessageId id, int generation, long deadline) {
            timers.add(new Timer(timer, id, generation, deadline));
        }

        List<MessageStatus> currents() {
            return statuses.stream().map(Status::current).toList();
        }

        Timer lastTimer(TrackerTimer kind) {
            for (int i = timers.size() - 1; i >= 0; i--) {
                if (timers.get(i).timer() == kind) {
                    return timers.get(i);
                }
            }
            throw new AssertionError("no " + kind + " timer scheduled");
        }
    }

    /** Records peer state changes. */
    static final class RecordingPeerListener implements PeerListener {
        record Change(NodeId peer, PeerState state, long at) {
        }

        final List<Change> changes = new ArrayList<>();

        @Override
        public void peerStateChanged(NodeId peer, PeerState state, long now) {
            changes.add(new Change(peer, state, now));
        }
    }
}
