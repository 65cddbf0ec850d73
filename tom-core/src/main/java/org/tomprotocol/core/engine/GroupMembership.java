package org.tomprotocol.core.engine;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * One group's membership as a member holds it, changed only by signed statements of those with the authority for
 * them (docs/groups.md §3): the founder is the first admin; an admin invites, for at most 24 hours, one node, once;
 * the invitee joins with that invitation; a member leaves by its own word; an admin removes a member or changes a
 * role; the last admin can neither leave, be removed nor be demoted while others remain. A statement dated before
 * the member's last change (a replayed removal after a re-join, a replayed role change) is stale. Anything refused
 * changes nothing and comes back with its reason, counted by the caller as {@code rejected.group-<reason>}. Pure:
 * time is passed in; one thread.
 */
public final class GroupMembership {
    /** Gen-2's cap; more is a later option. */
    public static final int MAX_MEMBERS = 50;
    /** A statement may be dated this far ahead of the receiver's clock, no more. */
    static final long MAX_FUTURE_MS = 5 * 60 * 1000L;

    /** What became of a statement. */
    public record Verdict(String rejectedBecause) {
        public static final Verdict ACCEPTED = new Verdict(null);

        public boolean accepted() {
            return rejectedBecause == null;
        }
    }

    /** A member: whether it is an admin, and when its membership or role last changed (statement time). */
    public record Member(boolean admin, long since) {
    }

    private final String group;
    private final String name;
    private final CryptoSuite crypto;
    private final Map<NodeId, Member> members = new LinkedHashMap<>();
    /** The nonces of the invitations taken, for as long as an invitation can be valid. */
    private final ExpiringSet<ByteBuffer> usedInvitations =
            new ExpiringSet<>(GroupStatement.MAX_INVITE_LIFETIME_MS, 10_000);
    private long version;

    private GroupMembership(GroupStatement.Create create, CryptoSuite crypto) {
        this.group = create.group();
        this.name = create.name();
        this.crypto = crypto;
        members.put(create.creator(), new Member(true, create.at()));
    }

    /** The group a signed {@code Create} founds, or empty if its signature is not its creator's. */
    public static Optional<GroupMembership> founded(SignedGroupStatement create, CryptoSuite crypto) {
        if (!(create.statement() instanceof GroupStatement.Create founding) || !create.isAuthentic(crypto)) {
            return Optional.empty();
        }
        return Optional.of(new GroupMembership(founding, crypto));
    }

    public String group() {
        return group;
    }

    public String name() {
        return name;
    }

    /** How many changes were applied since the founding. */
    public long version() {
        return version;
    }

    /** The members in the order they joined. */
    public Map<NodeId, Member> members() {
        return java.util.Collections.unmodifiableMap(members);
    }

    public boolean isAdmin(NodeId node) {
        Member member = members.get(node);
        return member != null && member.admin();
    }

    /**
     * Why an invitation, signed by its inviter, cannot be taken at {@code now}; empty if it can. An invitee checks
     * this before it joins; every member checks it again inside the join.
     */
    public Optional<String> invitationProblem(GroupStatement.Invite invite, byte[] signature, long now) {
        if (!invite.group().equals(group)) {
            return Optional.of("other-group");
        }
        if (!crypto.verify(invite.inviter(), invite.signingBytes(), signature)) {
            return Optional.of("forged-invite");
        }
        if (!isAdmin(invite.inviter())) {
            return Optional.of("not-admin");
        }
        if (invite.expiresAt() <= invite.issuedAt()
                || invite.expiresAt() - invite.issuedAt() > GroupStatement.MAX_INVITE_LIFETIME_MS) {
            return Optional.of("invite-lifetime");
        }
        if (now >= invite.expiresAt()) {
            return Optional.of("expired-invite");
        }
        if (invite.issuedAt() > now + MAX_FUTURE_MS) {
            return Optional.of("future-statement");
        }
        return Optional.empty();
    }

    /** Applies a signed statement at {@code now} if it is authentic and within its author's authority. */
    public Verdict apply(SignedGroupStatement signed, long now) {
        GroupStatement statement = signed.statement();
        if (!statement.group().equals(group)) {
            return new Verdict("other-group");
        }
        if (!signed.isAuthentic(crypto)) {
            return new Verdict("forged-statement");
        }
        return switch (statement) {
            case GroupStatement.Create ignored -> new Verdict("already-founded");
            case GroupStatement.Invite ignored -> new Verdict("invite-is-not-a-change");
            case GroupStatement.Post ignored -> new Verdict("not-a-change");
            case GroupStatement.SenderKeys ignored -> new Verdict("not-a-change");
            case GroupStatement.Receipt ignored -> new Verdict("not-a-change");
            case GroupStatement.Succession ignored -> new Verdict("not-a-change");
            case GroupStatement.Claim ignored -> new Verdict("not-a-change");
            case GroupStatement.Join join -> join(join, now);
            case GroupStatement.Leave leave -> leave(leave, now);
            case GroupStatement.Remove remove -> remove(remove, now);
            case GroupStatement.SetRole role -> setRole(role, now);
        };
    }

    private Verdict join(GroupStatement.Join join, long now) {
        GroupStatement.Invite invite = join.invite();
        Optional<String> problem = invitationProblem(invite, join.inviteSignature(), now);
        if (problem.isPresent()) {
            return new Verdict(problem.get());
        }
        if (members.containsKey(invite.invitee())) {
            return new Verdict("already-member");
        }
        if (members.size() >= MAX_MEMBERS) {
            return new Verdict("group-full");
        }
        if (!usedInvitations.add(ByteBuffer.wrap(invite.nonce()), now)) {
            return new Verdict("replayed-invite");
        }
        members.put(invite.invitee(), new Member(false, Math.max(invite.issuedAt(), 0)));
        version++;
        return Verdict.ACCEPTED;
    }

    private Verdict leave(GroupStatement.Leave leave, long now) {
        Optional<String> problem = changeProblem(leave.member(), leave.at(), now);
        if (problem.isPresent()) {
            return new Verdict(problem.get());
        }
        if (isLastAdminAmongOthers(leave.member())) {
            return new Verdict("last-admin");
        }
        members.remove(leave.member());
        version++;
        return Verdict.ACCEPTED;
    }

    private Verdict remove(GroupStatement.Remove remove, long now) {
        Optional<String> problem = adminChangeProblem(remove.by(), remove.member(), remove.at(), now);
        if (problem.isPresent()) {
            return new Verdict(problem.get());
        }
        if (isLastAdminAmongOthers(remove.member())) {
            return new Verdict("last-admin");
        }
        members.remove(remove.member());
        version++;
        return Verdict.ACCEPTED;
    }

    private Verdict setRole(GroupStatement.SetRole role, long now) {
        Optional<String> problem = adminChangeProblem(role.by(), role.member(), role.at(), now);
        if (problem.isPresent()) {
            return new Verdict(problem.get());
        }
        if (!role.admin() && isLastAdminAmongOthers(role.member())) {
            return new Verdict("last-admin");
        }
        members.put(role.member(), new Member(role.admin(), role.at()));
        version++;
        return Verdict.ACCEPTED;
    }

    /** Why an admin's change to {@code member} cannot be applied: {@code by} is no admin, or {@link #changeProblem}. */
    private Optional<String> adminChangeProblem(NodeId by, NodeId member, long at, long now) {
        return isAdmin(by) ? changeProblem(member, at, now) : Optional.of("not-admin");
    }

    /** Why a change to {@code member} dated {@code at} cannot be applied: not a member, stale or from the future. */
    private Optional<String> changeProblem(NodeId member, long at, long now) {
        Member current = members.get(member);
        if (current == null) {
            return Optional.of("not-a-member");
        }
        if (at > now + MAX_FUTURE_MS) {
            return Optional.of("future-statement");
        }
        if (at <= current.since()) {
            return Optional.of("stale-statement");
        }
        return Optional.empty();
    }

    /** The member whose membership {@code statement} ends (a leave or a removal), or {@code null}. */
    static NodeId departing(GroupStatement statement) {
        return switch (statement) {
            case GroupStatement.Leave leave -> leave.member();
            case GroupStatement.Remove remove -> remove.member();
            default -> null;
        };
    }

    boolean isLastAdminAmongOthers(NodeId node) {
        if (!isAdmin(node) || members.size() == 1) {
            return false;
        }
        return members.values().stream().filter(Member::admin).count() == 1;
    }

    /** Forgets the invitations that can no longer be valid. */
    public void purge(long now) {
        usedInvitations.purge(now);
    }

    /** The group as the application sees it, under {@code hub}. */
    org.tomprotocol.api.GroupInfo info(NodeId hub) {
        java.util.Set<org.tomprotocol.api.GroupMember> listed = members().entrySet().stream()
                .map(entry -> new org.tomprotocol.api.GroupMember(entry.getKey(),
                        entry.getValue().admin() ? org.tomprotocol.api.GroupRole.ADMIN
                                : org.tomprotocol.api.GroupRole.MEMBER,
                        java.time.Instant.ofEpochMilli(entry.getValue().since())))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new org.tomprotocol.api.GroupInfo(new org.tomprotocol.api.GroupId(group()), name(), hub, listed);
    }
}
