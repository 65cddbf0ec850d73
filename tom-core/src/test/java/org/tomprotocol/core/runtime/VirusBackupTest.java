package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.BackupQuery;
import org.tomprotocol.core.wire.DeliveryProofs;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.store.sqlite.SqliteStoreProvider;

/**
 * The virus backup, with real engines on the in-memory network and virtual clock: a message whose recipient is out of
 * reach is held by other nodes (signed, end-to-end encrypted), delivered by them when the recipient comes back —
 * even when its sender is gone — once, and purged everywhere on the recipient's signed acknowledgement only.
 */
class VirusBackupTest {
    @TempDir
    Path dirs;

    /** alice, bob and four holders; each of alice and bob has a session to every holder, the holders to each other. */
    private record Cast(TomNode alice, TomNode bob, List<TomNode> holders) {
    }

    private static Cast cast(SimulatedNetwork net, int holders) {
        TomNode alice = net.node("alice");
        TomNode bob = net.node("bob");
        List<TomNode> others = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            others.add(net.node("holder" + i));
        }
        for (int i = 0; i < others.size(); i++) {
            net.link(alice, others.get(i));
            net.link(bob, others.get(i));
            for (int j = i + 1; j < others.size(); j++) {
                net.link(others.get(i), others.get(j));
            }
        }
        net.run(Duration.ofMinutes(2));
        return new Cast(alice, bob, others);
    }

    /** bob goes away: its node closes, and the others see it offline. */
    private static void bobLeaves(SimulatedNetwork net, Cast cast) {
        cast.bob().close();
        net.run(Duration.ofMinutes(1));
    }

    /** bob comes back with the same identity and reaches the first holder. */
    private static TomNode bobReturns(SimulatedNetwork net, Cast cast) {
        TomNode bob = net.node("bob");
        net.link(bob, cast.holders().get(0));
        return bob;
    }

    private static long holding(List<TomNode> nodes, MessageId id) {
        return nodes.stream().filter(node -> ((NodeFacade) node).holdsBackupOf(id)).count();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageToAnOfflineRecipientIsBackedUpAndDeliveredOnceAfterItsSenderVanished() {
        try (SimulatedNetwork net = new SimulatedNetwork(71)) {
            Cast cast = cast(net, 4);
            bobLeaves(net, cast);

            OutboundMessage sent = cast.alice().send(cast.bob().id(), text("held for you"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            assertThat(holding(cast.holders(), sent.id())).as("every holder keeps a copy").isEqualTo(4);
            cast.alice().close();
            net.run(Duration.ofMinutes(10));

            TomNode bob = bobReturns(net, cast);
            net.run(Duration.ofSeconds(10));

            assertThat(net.inbox(bob)).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo(sent.id());
                assertThat(message.sender()).isEqualTo(cast.alice().id());
                assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("held for you");
            });
            assertThat(holding(cast.holders(), sent.id())).as("purged on bob's signed acknowledgement").isZero();
            assertThat(bob.metrics().get("duplicates")).as("the holders did not all deliver").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aSenderStillUpSeesItsMessageBackedUpThenDeliveredAndTheHoldersPurge() {
        try (SimulatedNetwork net = new SimulatedNetwork(72)) {
            Cast cast = cast(net, 3);
            bobLeaves(net, cast);
            OutboundMessage sent = cast.alice().send(cast.bob().id(), text("later"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();

            TomNode bob = bobReturns(net, cast);
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(30))).isTrue();
            net.run(Duration.ofSeconds(5));

            assertThat(net.inbox(bob)).hasSize(1);
            assertThat(holding(cast.holders(), sent.id())).isZero();
        }
    }

    @Test
    void aSenderThatComesBackLearnsFromAHolderThatItsMessageWasDelivered() {
        try (SimulatedNetwork net = new SimulatedNetwork(73)) {
            TomNode alice = net.node("alice", builder -> builder.dataDir(dirs.resolve("alice")), new SqliteStoreProvider());
            TomNode bob = net.node("bob");
            List<TomNode> holders = List.of(net.node("holder0"), net.node("holder1"));
            for (TomNode holder : holders) {
                net.link(alice, holder);
                net.link(bob, holder);
            }
            net.link(holders.get(0), holders.get(1));
            net.run(Duration.ofMinutes(2));
            bob.close();
            net.run(Duration.ofMinutes(1));
            OutboundMessage sent = alice.send(bob.id(), text("tell me when"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            alice.close();
            net.run(Duration.ofMinutes(1));

            TomNode back = net.node("bob");
            net.link(back, holders.get(0));
            net.run(Duration.ofSeconds(10));
            assertThat(net.inbox(back)).hasSize(1);
            assertThat(holders).as("only the proof is kept for the absent sender, not the message")
                    .allSatisfy(holder -> assertThat(((NodeFacade) holder).backupBytesHeld()).isZero());
            back.close();
            net.run(Duration.ofMinutes(1));

            TomNode restarted = net.node("alice", builder -> builder.dataDir(dirs.resolve("alice")),
                    new SqliteStoreProvider());
            net.run(Duration.ofSeconds(10));

            assertThat(restarted.metrics().get("backup-proofs-received")).as("the proof a holder kept").isEqualTo(1);
            assertThat(((NodeFacade) restarted).messagesInFlight()).as("nothing left to send").isZero();
        }
    }

    @Test
    void aHolderKeepsItsCopyAcrossARestart() {
        try (SimulatedNetwork net = new SimulatedNetwork(74)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            TomNode holder = net.node("holder", builder -> builder.dataDir(dirs.resolve("holder")),
                    new SqliteStoreProvider());
            TomNode other = net.node("other");
            for (TomNode node : List.of(holder, other)) {
                net.link(alice, node);
                net.link(bob, node);
            }
            net.run(Duration.ofMinutes(2));
            bob.close();
            net.run(Duration.ofMinutes(1));
            OutboundMessage sent = alice.send(bob.id(), text("survives the holder's restart"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            alice.close();
            other.close();
            holder.close();
            net.run(Duration.ofSeconds(5));

            TomNode restarted = net.node("holder", builder -> builder.dataDir(dirs.resolve("holder")),
                    new SqliteStoreProvider());
            net.run(Duration.ofSeconds(5));
            assertThat(((NodeFacade) restarted).holdsBackupOf(sent.id())).isTrue();
            TomNode back = net.node("bob");
            net.link(back, restarted);
            net.run(Duration.ofSeconds(10));

            assertThat(net.inbox(back)).extracting(m -> m.id()).containsExactly(sent.id());
            assertThat(((NodeFacade) restarted).holdsBackupOf(sent.id())).isFalse();
        }
    }

    /** A message held by 5 of 6 possible holders, its recipient away; {@code holder} is one of the five. */
    private record FiveCopies(Cast cast, OutboundMessage sent, TomNode holder, List<TomNode> others) {
    }

    private static FiveCopies fiveCopies(SimulatedNetwork net) {
        Cast cast = cast(net, 6);
        bobLeaves(net, cast);
        OutboundMessage sent = cast.alice().send(cast.bob().id(), text("keep five copies"));
        assertThat(net.runUntil(() -> holding(cast.holders(), sent.id()) == 5, Duration.ofMinutes(2))).isTrue();
        TomNode holder = cast.holders().stream().filter(h -> ((NodeFacade) h).holdsBackupOf(sent.id()))
                .findFirst().orElseThrow();
        return new FiveCopies(cast, sent, holder, cast.holders().stream().filter(h -> h != holder).toList());
    }

    @Test
    void whenAHolderCrashesAnotherCopyIsPlaced() {
        try (SimulatedNetwork net = new SimulatedNetwork(75)) {
            FiveCopies five = fiveCopies(net);
            five.cast().alice().close();
            // killed, not closed: it hands nothing over, its fellow holders must notice it is gone
            assertThat(net.network.crash(five.holder().id())).isTrue();
            assertThat(holding(five.others(), five.sent().id())).isEqualTo(4);

            net.run(Duration.ofMinutes(3));

            assertThat(holding(five.others(), five.sent().id())).as("the sixth node took the lost holder's place")
                    .isEqualTo(5);
        }
    }

    @Test
    void aHolderThatLeavesHandsItsCopyToAnotherNodeBeforeItCloses() {
        try (SimulatedNetwork net = new SimulatedNetwork(80)) {
            FiveCopies five = fiveCopies(net);
            TomNode leaving = five.holder();
            List<TomNode> remaining = five.others();
            OutboundMessage sent = five.sent();

            leaving.close();
            net.run(Duration.ofSeconds(3));

            assertThat(leaving.metrics().get("backup-handed-over")).isEqualTo(1);
            assertThat(holding(remaining, sent.id())).as("long before anyone sees it offline (45 s)").isEqualTo(5);
        }
    }

    @Test
    void aPurgeWithoutTheRecipientsSignatureIsRefusedAndCounted() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(76)) {
            Cast cast = cast(net, 2);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            for (TomNode holder : cast.holders()) {
                mallory.connect(holder);
            }
            bobLeaves(net, cast);
            OutboundMessage sent = cast.alice().send(cast.bob().id(), text("not yours to purge"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            TomNode holder = cast.holders().get(0);

            // an acknowledgement mallory signs itself, claiming to be the proof
            Envelope ownAck = Envelope.unsigned(MessageId.random(), mallory.id(), cast.alice().id(), List.of(),
                    MessageType.Ack, new AckPayload(sent.id(), AckType.RecipientReceived).encode(),
                    net.runtime.nowMillis(), false);
            mallory.send(proofs(net, mallory, holder, mallory.sign(ownAck)));
            // one that names bob as its signer, with mallory's signature
            Envelope forged = Envelope.unsigned(MessageId.random(), cast.bob().id(), cast.alice().id(), List.of(),
                    MessageType.Ack, new AckPayload(sent.id(), AckType.RecipientReceived).encode(),
                    net.runtime.nowMillis(), false);
            byte[] forgedWire = EnvelopeCodec.encode(forged.withSignature(
                    EnvelopeCodec.decode(mallory.sign(forged)).envelope().signature()));
            mallory.send(proofs(net, mallory, holder, forgedWire));
            net.run(Duration.ofSeconds(2));

            assertThat(((NodeFacade) holder).holdsBackupOf(sent.id())).isTrue();
            assertThat(holder.metrics().get("rejected.backup-proof-mismatch")).isEqualTo(1);
            assertThat(holder.metrics().get("rejected.forged-delivery-proof")).isEqualTo(1);
        }
    }

    private static Envelope proofs(SimulatedNetwork net, HostilePeer from, TomNode to, byte[] acknowledgement) {
        return Envelope.unsigned(MessageId.random(), from.id(), to.id(), List.of(), MessageType.BackupConfirmDelivery,
                new DeliveryProofs(List.of(acknowledgement)).encode(), net.runtime.nowMillis(), false);
    }

    @Test
    void onlyTheRecipientMayAskWhatWaitsForIt() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(77)) {
            Cast cast = cast(net, 2);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            TomNode holder = cast.holders().get(0);
            mallory.connect(holder);
            bobLeaves(net, cast);
            OutboundMessage sent = cast.alice().send(cast.bob().id(), text("for bob's eyes"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            int receivedBefore = mallory.received().size();

            mallory.send(Envelope.unsigned(MessageId.random(), mallory.id(), holder.id(), List.of(),
                    MessageType.BackupQuery, new BackupQuery(cast.bob().id()).encode(), net.runtime.nowMillis(), false));
            net.run(Duration.ofSeconds(5));

            assertThat(holder.metrics().get("rejected.backup-query-for-another")).isEqualTo(1);
            assertThat(mallory.received().subList(receivedBefore, mallory.received().size()))
                    .noneMatch(envelope -> envelope.type() == MessageType.Chat);
            assertThat(((NodeFacade) holder).holdsBackupOf(sent.id())).isTrue();
        }
    }

    @Test
    void aCopyReplayedToAHolderIsHeldOnceAndACopyWithABadSignatureIsRefused() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(78)) {
            Cast cast = cast(net, 2);
            TomNode holder = cast.holders().get(0);
            List<byte[]> stores = new CopyOnWriteArrayList<>();
            net.network.dropFrames((from, to, channel, frame) -> {
                if (to.equals(holder.id()) && channel == FrameChannel.ENVELOPE
                        && DeliveryScenariosTest.isType(frame, MessageType.BackupStore)) {
                    stores.add(frame.clone());
                }
                return false;
            });
            bobLeaves(net, cast);
            OutboundMessage sent = cast.alice().send(cast.bob().id(), text("once"));
            assertThat(net.runUntil(() -> sent.status() == MessageStatus.BACKED_UP, Duration.ofMinutes(2))).isTrue();
            long heldBefore = holder.metrics().get("backup-copies-held");
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(holder);
            net.run(Duration.ofSeconds(1));

            mallory.sendFrame(holder.id(), stores.get(0));
            BackupCopy genuine = BackupCopy.decode(EnvelopeCodec.decode(stores.get(0)).envelope().payload());
            byte[] otherSignature = genuine.signature().clone();
            otherSignature[0] ^= 1;
            BackupCopy tampered = new BackupCopy(MessageId.random(), genuine.sender(), genuine.recipient(),
                    genuine.timestamp(), genuine.sealedPayload(), otherSignature, genuine.holders());
            mallory.send(Envelope.unsigned(MessageId.random(), mallory.id(), holder.id(), List.of(),
                    MessageType.BackupReplicate, tampered.encode(), net.runtime.nowMillis(), false));
            net.run(Duration.ofSeconds(2));

            assertThat(holder.metrics().get("backup-copies-held")).as("the replay held nothing more")
                    .isEqualTo(heldBefore);
            assertThat(holder.metrics().get("rejected.backup-bad-signature")).isEqualTo(1);
            assertThat(((NodeFacade) holder).holdsBackupOf(tampered.id())).isFalse();
        }
    }

    @Test
    void aCopyItsRecipientNeverProvesDeliveredIsOfferedAFewTimesThenDropped() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(81)) {
            TomNode holder = net.node("holder");
            TomNode victim = net.node("victim");
            net.link(victim, holder);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(holder);
            net.run(Duration.ofSeconds(30));
            // a well-formed, signed message the victim cannot open: it never acknowledges it
            byte[] junk = new byte[600];
            new java.util.Random(81).nextBytes(junk);
            byte[] sealed = org.tomprotocol.core.wire.EncryptedPayloadCodec.encode(new org.tomprotocol.spi.crypto
                    .SealedPayload(junk, java.util.Arrays.copyOf(junk, 24), java.util.Arrays.copyOfRange(junk, 24, 56)));
            Envelope message = Envelope.unsigned(MessageId.random(), mallory.id(), victim.id(), List.of(),
                    MessageType.Chat, sealed, net.runtime.nowMillis(), true);
            Envelope signed = EnvelopeCodec.decode(mallory.sign(message)).envelope();
            mallory.send(Envelope.unsigned(MessageId.random(), mallory.id(), holder.id(), List.of(),
                    MessageType.BackupStore, BackupCopy.of(signed, List.of()).encode(), net.runtime.nowMillis(),
                    false));

            net.run(Duration.ofHours(2));

            assertThat(holder.metrics().get("backup-deliveries"))
                    .isEqualTo(org.tomprotocol.core.engine.ProtocolConstants.BACKUP_MAX_OFFERS);
            assertThat(holder.metrics().get("backup-dropped-unanswered")).isEqualTo(1);
            assertThat(((NodeFacade) holder).holdsBackupOf(message.id())).isFalse();
            assertThat(victim.metrics().get("rejected.decryption-failed"))
                    .isEqualTo(org.tomprotocol.core.engine.ProtocolConstants.BACKUP_MAX_OFFERS);
        }
    }

    @Test
    void aHolderKeepsABoundedNumberOfCopiesForOneSender() {
        try (SimulatedNetwork net = new SimulatedNetwork(79)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            TomNode holder = net.node("holder");
            net.link(alice, holder);
            net.link(bob, holder);
            net.run(Duration.ofMinutes(2));
            bobLeaves(net, new Cast(alice, bob, List.of(holder)));
            int sends = org.tomprotocol.core.engine.ProtocolConstants.BACKUP_MAX_COPIES_PER_SENDER + 40;
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < sends; i++) {
                sent.add(alice.send(bob.id(), text("flood " + i)));
            }
            net.run(Duration.ofMinutes(2));

            long held = sent.stream().filter(m -> ((NodeFacade) holder).holdsBackupOf(m.id())).count();
            assertThat(held).isEqualTo(org.tomprotocol.core.engine.ProtocolConstants.BACKUP_MAX_COPIES_PER_SENDER);
            assertThat(holder.metrics().get("backup-declined.sender-full")).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void aHolderThatKeepsCopiesUntilTheirRecipientsProofEarnsTheBackupRoleAndTheSenderCountsItsWork() {
        try (SimulatedNetwork net = new SimulatedNetwork(74)) {
            Cast cast = cast(net, 2);
            TomNode holder = cast.holders().get(0);
            bobLeaves(net, cast);
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(cast.alice().send(cast.bob().id(), text("held " + i)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.BACKED_UP),
                    Duration.ofMinutes(2))).isTrue();

            TomNode bob = bobReturns(net, cast);
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofMinutes(1))).isTrue();
            net.run(Duration.ofMinutes(2));

            assertThat(net.inbox(bob)).hasSize(12);
            for (TomNode each : cast.holders()) {
                assertThat(each.metrics().get("roles.backup-earned")).as("each holder, proved by bob or by the other")
                        .isEqualTo(1);
            }
            assertThat(net.events(holder)).filteredOn(org.tomprotocol.api.RoleEvent.class::isInstance)
                    .map(org.tomprotocol.api.RoleEvent.class::cast)
                    .anySatisfy(event -> assertThat(event.role()).isEqualTo("backup"));
            for (TomNode end : List.of(cast.alice(), bob)) {
                assertThat(end.metrics().get("roles.backup-earned")).as("held nothing").isZero();
            }
            var standings = cast.alice().standings().toCompletableFuture();
            assertThat(net.runUntil(standings::isDone, Duration.ofSeconds(5))).isTrue();
            assertThat(standings.join()).filteredOn(standing -> standing.peer().equals(holder.id()))
                    .singleElement().satisfies(standing -> assertThat(standing.contribution())
                            .as("the copies it kept and proved delivered, as alice verified them").isGreaterThan(10));
        }
    }
}
