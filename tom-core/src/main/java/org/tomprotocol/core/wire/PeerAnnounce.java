package org.tomprotocol.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

/**
 * A node's signed self-description, spread by discovery:
 * {@code [node_id, username, roles, encryption_key, timestamp, addresses, wire_profiles, signature]}. The first
 * five fields are Gen-2's (unsigned there; {@code encryption_key} is always nil here, the key-agreement key being
 * derived from {@code node_id}); ToM for the JVM appends the addresses the node can be reached at, the wire
 * profiles it accepts besides the reference one, and an Ed25519 signature by {@code node_id} over the 7-element
 * array of the fields before it. Decoding accepts only the canonical form, so the signature is checked over exactly
 * the bytes received.
 *
 * @param nodeId    the announcing node
 * @param username  a display name, possibly empty
 * @param roles     the names of the roles it announces ({@link PeerRole}); names this node does not know are kept,
 *                  so the signature still checks, and ignored
 * @param timestamp its clock, epoch milliseconds
 * @param addresses where it can be reached
 * @param wireProfiles the {@linkplain WireProfile#token() tokens} of the wire profiles it accepts besides the
 *                  reference profile (every node accepts that one); names this node does not know are kept, so the
 *                  signature still checks, and ignored
 * @param signature signature over {@link #signingBytes()}
 */
public record PeerAnnounce(NodeId nodeId, String username, List<String> roles, long timestamp,
                           List<TransportAddress> addresses, List<String> wireProfiles, byte[] signature) {
    /** Longest username accepted, in bytes. */
    public static final int MAX_USERNAME_BYTES = 64;
    /** Most addresses carried. */
    public static final int MAX_ADDRESSES = 16;
    /** Most roles listed. */
    public static final int MAX_ROLES = 8;
    /** Longest role name accepted, in bytes. */
    public static final int MAX_ROLE_BYTES = 32;
    /** Most wire profiles listed. */
    public static final int MAX_WIRE_PROFILES = 8;
    private static final int MAX_ADDRESS_LENGTH = 256;
    /** Longest wire profile name accepted, in bytes. */
    public static final int MAX_WIRE_PROFILE_BYTES = 32;
    private static final int FIELDS = 8;
    private static final int SIGNED_FIELDS = 7;

    public PeerAnnounce {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        addresses = List.copyOf(addresses);
        wireProfiles = List.copyOf(wireProfiles);
        Objects.requireNonNull(signature, "signature");
    }

    /** Whether the node announces {@code role}. */
    public boolean announces(PeerRole role) {
        return roles.contains(role.name());
    }

    /** Whether the node accepts envelopes written in {@code profile}. */
    public boolean accepts(WireProfile profile) {
        return profile == WireProfile.REFERENCE || wireProfiles.contains(profile.token());
    }

    /** The bytes the signature covers. */
    public byte[] signingBytes() {
        return writeSigned(new MsgpackWriter(), SIGNED_FIELDS).toByteArray();
    }

    private MsgpackWriter writeSigned(MsgpackWriter writer, int arraySize) {
        writer.arrayHeader(arraySize).nodeId(nodeId).string(username).arrayHeader(roles.size());
        roles.forEach(writer::string);
        writer.nil().unsigned(timestamp).arrayHeader(addresses.size());
        addresses.forEach(address -> writer.string(address.toString()));
        writer.arrayHeader(wireProfiles.size());
        wireProfiles.forEach(writer::string);
        return writer;
    }

    /** This announce with {@code newSignature}. */
    public PeerAnnounce withSignature(byte[] newSignature) {
        return new PeerAnnounce(nodeId, username, roles, timestamp, addresses, wireProfiles, newSignature);
    }

    public byte[] encode() {
        return writeSigned(new MsgpackWriter(), FIELDS).bytes(signature).toByteArray();
    }

    public static PeerAnnounce decode(byte[] bytes) throws WireException {
        if (bytes.length > 8 * 1024) {
            throw new WireException("too-large", "announce of " + bytes.length + " bytes");
        }
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(FIELDS, "announce");
        NodeId node = reader.nodeId("node_id");
        String username = reader.string(MAX_USERNAME_BYTES, "username");
        int roleCount = reader.arrayHeader(MAX_ROLES, "roles");
        List<String> roles = new ArrayList<>(roleCount);
        for (int i = 0; i < roleCount; i++) {
            roles.add(reader.string(MAX_ROLE_BYTES, "roles[" + i + "]"));
        }
        if (!reader.tryNil()) {
            // Gen-2's optional X25519 key; ours is derived from node_id, and since the signature is checked over
            // the re-encoded announce (which writes nil), anything else could never verify.
            throw new WireException("malformed", "encryption_key must be nil");
        }
        long timestamp = reader.unsigned(Long.MAX_VALUE, "timestamp");
        int addressCount = reader.arrayHeader(MAX_ADDRESSES, "addresses");
        List<TransportAddress> addresses = new ArrayList<>(addressCount);
        for (int i = 0; i < addressCount; i++) {
            String text = reader.string(MAX_ADDRESS_LENGTH, "address");
            TransportAddress address;
            try {
                address = TransportAddress.parse(text);
            } catch (IllegalArgumentException e) {
                throw new WireException("malformed", "address " + i + " is not a transport address");
            }
            // parse() forgives case and spacing; only the form it writes back may be accepted, or the
            // signature (checked over the re-encoded announce) would cover bytes other than those received.
            if (!address.toString().equals(text)) {
                throw new WireException("non-canonical", "address " + i + " is not in canonical scheme:address form");
            }
            addresses.add(address);
        }
        int profileCount = reader.arrayHeader(MAX_WIRE_PROFILES, "wire_profiles");
        List<String> wireProfiles = new ArrayList<>(profileCount);
        for (int i = 0; i < profileCount; i++) {
            wireProfiles.add(reader.string(MAX_WIRE_PROFILE_BYTES, "wire_profiles[" + i + "]"));
        }
        byte[] signature = reader.bytes(Envelope.SIGNATURE_LENGTH, "signature");
        reader.expectEnd("announce");
        return new PeerAnnounce(node, username, roles, timestamp, addresses, wireProfiles, signature);
    }
}
