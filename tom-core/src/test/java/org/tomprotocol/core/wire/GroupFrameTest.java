package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * Group frames (wire spec §14.2) read from the vectors, which were written apart from the codec: the codec reads
 * them, writes them back byte for byte, and the post inside carries its sender's valid signature; a frame that is
 * not in its canonical form, of another type or truncated is refused.
 */
class GroupFrameTest {
    private static final TomV1Suite SUITE = new TomV1Suite();

    private static WireVectors.Vector vector(String name) {
        return WireVectors.generate().stream().filter(vector -> vector.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSubmittedPostReadsBackByteForByteWithItsSendersSignature() throws WireException {
        WireVectors.Vector vector = vector("group-post-submitted");

        GroupFrame frame = GroupFrame.decode(MessageType.GroupMessage, vector.plaintext());

        assertThat(frame.encode()).isEqualTo(vector.plaintext());
        SignedGroupStatement item = ((GroupFrame.Submit) frame).item();
        assertThat(item.isAuthentic(SUITE)).isTrue();
        GroupStatement.Post post = (GroupStatement.Post) item.statement();
        assertThat(post.sender()).isEqualTo(WireVectors.BOB.id());
        assertThat(post.id()).isEqualTo(new MessageId("00000000-0000-4000-8000-0000000000a1"));
        assertThat(item.itemId()).isEqualTo(post.id());
    }

    @Test
    void theHubsStreamCarriesThePostUnchangedAtItsPlace() throws WireException {
        GroupFrame.Stream stream = (GroupFrame.Stream) GroupFrame.decode(MessageType.GroupSyncResponse,
                vector("group-stream-ordered").plaintext());
        GroupFrame.Submit submit = (GroupFrame.Submit) GroupFrame.decode(MessageType.GroupMessage,
                vector("group-post-submitted").plaintext());

        assertThat(stream.lastSeq()).isEqualTo(7);
        assertThat(stream.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(7);
            assertThat(entry.item().encode()).isEqualTo(submit.item().encode());
        });
    }

    @Test
    void theAuthorsCopyToAMemberCarriesThePostAsSubmitted() throws WireException {
        GroupFrame.PostCopy copy = (GroupFrame.PostCopy) GroupFrame.decode(MessageType.GroupPostCopy,
                vector("group-post-copied").plaintext());
        GroupFrame.Submit submit = (GroupFrame.Submit) GroupFrame.decode(MessageType.GroupMessage,
                vector("group-post-submitted").plaintext());

        assertThat(copy.encode()).isEqualTo(submit.encode());
        assertThat(copy.item().isAuthentic(SUITE)).isTrue();
    }

    @Test
    void framesNotInTheirFormAreRefused() {
        byte[] submit = vector("group-post-submitted").plaintext();

        assertThatThrownBy(() -> GroupFrame.decode(MessageType.GroupSyncResponse, submit))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> GroupFrame.decode(MessageType.GroupMessage, Arrays.copyOf(submit, submit.length - 1)))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> GroupFrame.decode(MessageType.Chat, submit)).isInstanceOf(WireException.class);
        byte[] trailing = Arrays.copyOf(submit, submit.length + 1);
        assertThatThrownBy(() -> GroupFrame.decode(MessageType.GroupMessage, trailing))
                .isInstanceOf(WireException.class);
    }

    @Test
    void everyFrameKindReadsBackAsWritten() throws WireException {
        SignedGroupStatement post = ((GroupFrame.Submit) GroupFrame.decode(MessageType.GroupMessage,
                vector("group-post-submitted").plaintext())).item();
        String group = WireVectors.GROUP;
        List<GroupFrame> frames = List.of(
                new GroupFrame.Welcome(group, WireVectors.ALICE.id(), 1, List.of(new GroupFrame.Ordered(0, 5, post)), 8),
                new GroupFrame.StreamAck(group, 1, 8, true),
                new GroupFrame.Receipt(group, SignedGroupStatement.sign(new GroupStatement.Receipt(group,
                        WireVectors.CAROL.id(), WireVectors.BOB.id(), List.of(MessageId.random()), 9),
                        WireVectors.CAROL.identity)));
        for (GroupFrame frame : frames) {
            assertThat(GroupFrame.decode(frame.type(), frame.encode())).usingRecursiveComparison().isEqualTo(frame);
        }
    }
}
