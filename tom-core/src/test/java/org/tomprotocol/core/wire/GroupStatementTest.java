package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomprotocol.core.wire.PayloadCodecsTest.assertRefused;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * Group statements on the wire: every kind round-trips exactly with its signature, only the canonical form is
 * taken, and each kind signs under its own domain, so no signature passes as another kind's.
 */
class GroupStatementTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final LocalIdentity ADMIN = SUITE.generateIdentity();
    private static final LocalIdentity MEMBER = SUITE.generateIdentity();
    private static final String GROUP = "grp-" + UUID.randomUUID();
    private static final long AT = 1_767_225_600_000L;
    private static final GroupStatement.Invite INVITE = new GroupStatement.Invite(GROUP, MEMBER.id(), ADMIN.id(), AT,
            AT + 3_600_000, new byte[GroupStatement.NONCE_BYTES]);

    private static List<SignedGroupStatement> everyKind() {
        return List.of(
                SignedGroupStatement.sign(new GroupStatement.Create(GROUP, "amis · 友達", ADMIN.id(), AT), ADMIN),
                SignedGroupStatement.sign(INVITE, ADMIN),
                SignedGroupStatement.sign(new GroupStatement.Join(INVITE, ADMIN.sign(INVITE.signingBytes())), MEMBER),
                SignedGroupStatement.sign(new GroupStatement.Leave(GROUP, MEMBER.id(), AT + 1), MEMBER),
                SignedGroupStatement.sign(new GroupStatement.Remove(GROUP, MEMBER.id(), ADMIN.id(), AT + 2), ADMIN),
                SignedGroupStatement.sign(new GroupStatement.SetRole(GROUP, MEMBER.id(), true, ADMIN.id(), AT + 3),
                        ADMIN));
    }

    @Test
    void everyKindRoundTripsExactlyAndIsAuthentic() throws WireException {
        for (SignedGroupStatement signed : everyKind()) {
            byte[] wire = signed.encode();
            SignedGroupStatement decoded = SignedGroupStatement.decode(wire);
            assertThat(decoded.statement()).as(signed.statement().kind())
                    .usingRecursiveComparison().isEqualTo(signed.statement());
            assertThat(decoded.encode()).isEqualTo(wire);
            assertThat(decoded.isAuthentic(SUITE)).as(signed.statement().kind()).isTrue();
        }
    }

    @Test
    void aSignatureHoldsForItsOwnKindOnly() {
        GroupStatement.Leave leave = new GroupStatement.Leave(GROUP, ADMIN.id(), AT);
        GroupStatement.Remove remove = new GroupStatement.Remove(GROUP, ADMIN.id(), ADMIN.id(), AT);
        byte[] leaveSignature = ADMIN.sign(leave.signingBytes());
        assertThat(new SignedGroupStatement(remove, leaveSignature).isAuthentic(SUITE)).isFalse();
        assertThat(new String(leave.signingBytes(), 0, 18, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("tom-group-leave-v1");
        assertThatThrownBy(() -> SignedGroupStatement.sign(leave, MEMBER)).hasMessageContaining("signed by its author");
    }

    @Test
    void onlyTheCanonicalWellFormedFormIsTaken() {
        byte[] wire = everyKind().get(3).encode();
        assertRefused(() -> SignedGroupStatement.decode(Arrays.copyOf(wire, wire.length + 1)), "trailing-bytes");
        assertRefused(() -> SignedGroupStatement.decode(Arrays.copyOf(wire, wire.length - 1)), "malformed");
        byte[] unknownKind = new MsgpackWriter().arrayHeader(2).raw(new MsgpackWriter().arrayHeader(4).string("kick")
                .string(GROUP).nodeId(MEMBER.id()).unsigned(AT).toByteArray()).bytes(new byte[64]).toByteArray();
        assertRefused(() -> SignedGroupStatement.decode(unknownKind), "malformed");
        byte[] badGroup = new MsgpackWriter().arrayHeader(2).raw(new MsgpackWriter().arrayHeader(4).string("leave")
                .string("group-1").nodeId(MEMBER.id()).unsigned(AT).toByteArray()).bytes(new byte[64]).toByteArray();
        assertRefused(() -> SignedGroupStatement.decode(badGroup), "malformed");
        byte[] shortNonce = new MsgpackWriter().arrayHeader(2).raw(new MsgpackWriter().arrayHeader(7).string("invite")
                .string(GROUP).nodeId(MEMBER.id()).nodeId(ADMIN.id()).unsigned(AT).unsigned(AT + 1).bytes(new byte[3])
                .toByteArray()).bytes(new byte[64]).toByteArray();
        assertRefused(() -> SignedGroupStatement.decode(shortNonce), "malformed");
        byte[] versionZero = new MsgpackWriter().arrayHeader(2).raw(new MsgpackWriter().arrayHeader(7)
                .string("succession").string(GROUP).unsigned(3).nodeId(ADMIN.id()).nodeIds(List.of(MEMBER.id()))
                .unsigned(0).unsigned(AT).toByteArray()).bytes(new byte[64]).toByteArray();
        assertRefused(() -> SignedGroupStatement.decode(versionZero), "malformed");
    }

    @Test
    void eachPlaceOfEachSuccessionVersionLeadsToAnEpochOfItsOwn() {
        LocalIdentity shadow = SUITE.generateIdentity();
        LocalIdentity candidate = SUITE.generateIdentity();
        java.util.Map<Long, String> claimedBy = new java.util.HashMap<>();
        for (long version = 1; version <= 50; version++) {
            GroupStatement.Succession succession = new GroupStatement.Succession(GROUP, 7, ADMIN.id(),
                    List.of(shadow.id(), candidate.id()), version, AT);
            for (LocalIdentity named : List.of(shadow, candidate)) {
                long epoch = succession.epochFor(named.id());
                assertThat(epoch).as("above the hub's own").isGreaterThan(7);
                assertThat(claimedBy.put(epoch, version + "/" + named.id()))
                        .as("epoch %d claimed on two places", epoch).isNull();
            }
            assertThat(succession.epochFor(MEMBER.id())).as("a member it does not name").isEqualTo(-1);
        }
        GroupStatement.Succession first = new GroupStatement.Succession(GROUP, 7, ADMIN.id(),
                List.of(shadow.id(), candidate.id()), 1, AT);
        assertThat(first.epochFor(shadow.id())).isEqualTo(8);
        assertThat(first.epochFor(candidate.id())).isEqualTo(9);
        assertThat(new GroupStatement.Succession(GROUP, 7, ADMIN.id(), List.of(candidate.id()), 2, AT)
                .epochFor(candidate.id())).as("the shadow named in version 2").isEqualTo(10);
    }
}
