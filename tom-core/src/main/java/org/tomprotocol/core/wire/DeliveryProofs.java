package org.tomprotocol.core.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Payload of {@code BackupConfirmDelivery}: {@code [ack_envelope…]}, each the wire form (a byte string) of a
 * recipient's signed {@code Ack} of a backed-up message. The recipient's signature is the proof: a holder purges
 * its copy only for an acknowledgement signed by the message's recipient, addressed to its sender, naming its id
 * (Gen-2 carried bare message ids, so anyone could purge anyone's backups).
 *
 * @param acknowledgements encoded, signed acknowledgement envelopes
 */
public record DeliveryProofs(List<byte[]> acknowledgements) {
    /** Proofs carried by one frame at most. */
    public static final int MAX_PROOFS = 64;
    /** Largest encoded acknowledgement accepted as a proof. */
    public static final int MAX_PROOF_BYTES = 1024;

    public DeliveryProofs {
        if (acknowledgements.size() > MAX_PROOFS) {
            throw new IllegalArgumentException("at most " + MAX_PROOFS + " proofs per frame");
        }
        acknowledgements = List.copyOf(acknowledgements);
    }

    public byte[] encode() {
        MsgpackWriter writer = new MsgpackWriter().arrayHeader(acknowledgements.size());
        acknowledgements.forEach(writer::bytes);
        return writer.toByteArray();
    }

    public static DeliveryProofs decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        int count = reader.arrayHeader(MAX_PROOFS, "proofs");
        List<byte[]> acknowledgements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            acknowledgements.add(reader.bytes(MAX_PROOF_BYTES, "proof"));
        }
        reader.expectEnd("proofs");
        return new DeliveryProofs(acknowledgements);
    }
}
