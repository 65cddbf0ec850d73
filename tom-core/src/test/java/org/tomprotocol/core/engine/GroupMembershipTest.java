package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * A group's membership changes only by statements signed by whoever has the authority for them (docs/groups.md §3):
 * forged, out-of-authority, expired, replayed and stale statements are refused with their reason and change
 * nothing — the hostile cases issue 16 names, on the membership rules alone.
 */
class GroupMembershipTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final long NOW = 1_767_225_600_000L;
    private static final long HOUR = 3_600_000L;
    private final String group = "grp-" + UUID.randomUUID();
    private final LocalIdentity founder = SUITE.generateIdentity();
    private final LocalIdentity alice = SUITE.generateIdentity();
    private final LocalIdentity mallory = SUITE.generateIdentity();
    private final GroupMembership membership = GroupMembership.founded(SignedGroupStatement.sign(
            new GroupStatement.Create(group, "friends", founder.id(), NOW), founder), SUITE).orElseThrow();
    private int nonces;

    private GroupStatement.Invite invite(LocalIdentity invitee, LocalIdentity inviter, long issued, long expires) {
        byte[] nonce = new byte[GroupStatement.NONCE_BYTES];
        nonce[0] = (byte) ++nonces;
        return new GroupStatement.Invite(group, invitee.id(), inviter.id(), issued, expires, nonce);
    }

    private SignedGroupStatement join(GroupStatement.Invite invite, LocalIdentity inviter, LocalIdentity joiner) {
        return SignedGroupStatement.sign(new GroupStatement.Join(invite, inviter.sign(invite.signingBytes())), joiner);
    }

    private String verdict(SignedGroupStatement statement, long at) {
        GroupMembership.Verdict verdict = membership.apply(statement, at);
        return verdict.accepted() ? "accepted" : verdict.rejectedBecause();
    }

    private void joins(LocalIdentity member, long at) {
        assertThat(verdict(join(invite(member, founder, at, at + HOUR), founder, member), at)).isEqualTo("accepted");
    }

    @Test
    void theFounderIsTheFirstAdminAndAnAdminsInvitationLetsItsInviteeJoinOnce() {
        assertThat(membership.isAdmin(founder.id())).isTrue();
        GroupStatement.Invite invite = invite(alice, founder, NOW, NOW + HOUR);

        assertThat(verdict(join(invite, founder, alice), NOW + 1)).isEqualTo("accepted");

        assertThat(membership.members()).containsKeys(founder.id(), alice.id());
        assertThat(membership.isAdmin(alice.id())).isFalse();
        assertThat(membership.version()).isEqualTo(1);
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Leave(group, alice.id(), NOW + 2), alice),
                NOW + 2)).isEqualTo("accepted");
        assertThat(verdict(join(invite, founder, alice), NOW + 3)).as("the same invitation again")
                .isEqualTo("replayed-invite");
    }

    @Test
    void aForgedExpiredOrOverlongInvitationIsRefused() {
        GroupStatement.Invite byMallory = invite(alice, mallory, NOW, NOW + HOUR);
        assertThat(verdict(join(byMallory, mallory, alice), NOW)).as("signed by a non-member").isEqualTo("not-admin");
        GroupStatement.Invite inFoundersName = invite(alice, founder, NOW, NOW + HOUR);
        assertThat(verdict(join(inFoundersName, mallory, alice), NOW)).as("the founder's name, mallory's signature")
                .isEqualTo("forged-invite");
        assertThat(verdict(join(invite(alice, founder, NOW, NOW + HOUR), founder, alice), NOW + HOUR))
                .isEqualTo("expired-invite");
        assertThat(verdict(join(invite(alice, founder, NOW, NOW + 25 * HOUR), founder, alice), NOW))
                .as("longer than 24 h").isEqualTo("invite-lifetime");
        assertThat(membership.members()).containsOnlyKeys(founder.id());
        assertThat(membership.version()).isZero();
    }

    @Test
    void anInvitationIsForItsInviteeOnly() {
        GroupStatement.Invite forAlice = invite(alice, founder, NOW, NOW + HOUR);
        GroupStatement.Join join = new GroupStatement.Join(forAlice, founder.sign(forAlice.signingBytes()));
        // mallory holds alice's invitation and signs the join herself: the join's author is alice
        SignedGroupStatement stolen = new SignedGroupStatement(join, mallory.sign(join.signingBytes()));
        assertThat(verdict(stolen, NOW)).isEqualTo("forged-statement");
    }

    @Test
    void onlyAnAdminRemovesOrChangesRolesAndTheLastAdminStays() {
        joins(alice, NOW);
        joins(mallory, NOW + 1);

        SignedGroupStatement malloryRemovesAlice = SignedGroupStatement.sign(
                new GroupStatement.Remove(group, alice.id(), mallory.id(), NOW + 10), mallory);
        assertThat(verdict(malloryRemovesAlice, NOW + 10)).isEqualTo("not-admin");
        SignedGroupStatement forgedRemoval = new SignedGroupStatement(
                new GroupStatement.Remove(group, alice.id(), founder.id(), NOW + 10), mallory.sign(new byte[] {1}));
        assertThat(verdict(forgedRemoval, NOW + 10)).as("in the founder's name").isEqualTo("forged-statement");
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.SetRole(group, founder.id(), false,
                founder.id(), NOW + 11), founder), NOW + 11)).isEqualTo("last-admin");
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Leave(group, founder.id(), NOW + 11), founder),
                NOW + 11)).isEqualTo("last-admin");

        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.SetRole(group, alice.id(), true, founder.id(),
                NOW + 12), founder), NOW + 12)).isEqualTo("accepted");
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Remove(group, mallory.id(), alice.id(),
                NOW + 13), alice), NOW + 13)).isEqualTo("accepted");
        assertThat(membership.members()).containsOnlyKeys(founder.id(), alice.id());
        assertThat(membership.version()).isEqualTo(4);
    }

    @Test
    void aRemovalReplayedAfterTheMemberJoinedAgainIsStale() {
        joins(alice, NOW);
        SignedGroupStatement removal = SignedGroupStatement.sign(
                new GroupStatement.Remove(group, alice.id(), founder.id(), NOW + 10), founder);
        assertThat(verdict(removal, NOW + 10)).isEqualTo("accepted");
        joins(alice, NOW + 20);

        assertThat(verdict(removal, NOW + 30)).isEqualTo("stale-statement");
        assertThat(membership.members()).containsKey(alice.id());
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Remove(group, alice.id(), founder.id(),
                NOW + HOUR), founder), NOW)).as("dated an hour ahead").isEqualTo("future-statement");
    }

    @Test
    void statementsOfAnotherGroupAndNonMembersChangeNothing() {
        String other = "grp-" + UUID.randomUUID();
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Leave(other, founder.id(), NOW + 1), founder),
                NOW + 1)).isEqualTo("other-group");
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Leave(group, mallory.id(), NOW + 1), mallory),
                NOW + 1)).isEqualTo("not-a-member");
        assertThat(verdict(SignedGroupStatement.sign(new GroupStatement.Create(group, "again", founder.id(), NOW),
                founder), NOW)).isEqualTo("already-founded");
        assertThat(GroupMembership.founded(new SignedGroupStatement(new GroupStatement.Create(group, "x",
                founder.id(), NOW), mallory.sign(new byte[] {2})), SUITE)).as("a founding not signed by its creator")
                .isEmpty();
    }

    @Test
    void aGroupHoldsFiftyMembersAtMost() {
        for (int i = 1; i < GroupMembership.MAX_MEMBERS; i++) {
            joins(SUITE.generateIdentity(), NOW + i);
        }
        assertThat(membership.members()).hasSize(GroupMembership.MAX_MEMBERS);
        assertThat(verdict(join(invite(alice, founder, NOW + 100, NOW + HOUR), founder, alice), NOW + 100))
                .isEqualTo("group-full");
    }
}
