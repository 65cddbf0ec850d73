package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/** A group's kept state reads back as it was written; another format, or trailing bytes, are refused. */
class GroupSnapshotTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final String GROUP = "grp-01234567-89ab-cdef-0123-456789abcdef";

    private static GroupSnapshot sample(SignedGroupStatement succession) {
        LocalIdentity founder = SUITE.generateIdentity();
        SignedGroupStatement create = SignedGroupStatement.sign(
                new GroupStatement.Create(GROUP, "kept", founder.id(), 1_000), founder);
        NodeId other = SUITE.generateIdentity().id();
        GroupSnapshot.Reader reader = new GroupSnapshot.Reader(other, 3, 17, new byte[32],
                List.of(new GroupSnapshot.SkippedKey(12, new byte[]{1, 2, 3}), new GroupSnapshot.SkippedKey(15,
                        new byte[32])));
        return new GroupSnapshot(GROUP, founder.id(), 4, 99, 6, 123_456, List.of(new GroupFrame.Ordered(0, 1_000,
                create)), succession, List.of(reader));
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten() throws WireException {
        GroupSnapshot written = sample(null);

        GroupSnapshot read = GroupSnapshot.decode(written.encode());

        assertThat(read.group()).isEqualTo(GROUP);
        assertThat(read.hub()).isEqualTo(written.hub());
        assertThat(read).extracting(GroupSnapshot::epoch, GroupSnapshot::nextSeq, GroupSnapshot::nextKeyEpoch,
                GroupSnapshot::savedAt).containsExactly(4L, 99L, 6L, 123_456L);
        assertThat(read.succession()).isNull();
        assertThat(read.history()).singleElement().satisfies(entry ->
                assertThat(entry.item().encode()).isEqualTo(written.history().get(0).item().encode()));
        assertThat(read.readers()).singleElement().satisfies(reader -> {
            assertThat(reader.owner()).isEqualTo(written.readers().get(0).owner());
            assertThat(reader.keyEpoch()).isEqualTo(3);
            assertThat(reader.nextIndex()).isEqualTo(17);
            assertThat(reader.chainKey()).hasSize(32);
            assertThat(reader.skipped()).extracting(GroupSnapshot.SkippedKey::index).containsExactly(12L, 15L);
            assertThat(reader.skipped().get(0).key()).containsExactly(1, 2, 3);
        });
        assertThat(read.encode()).isEqualTo(written.encode());
    }

    @Test
    void aSnapshotOfAnotherFormatIsRefusedNamingIt() {
        byte[] stored = sample(null).encode();
        stored[1] = 2;

        assertThatThrownBy(() -> GroupSnapshot.decode(stored)).isInstanceOf(WireException.class)
                .hasMessageContaining("format 2");
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] stored = sample(null).encode();
        byte[] longer = java.util.Arrays.copyOf(stored, stored.length + 1);

        assertThatThrownBy(() -> GroupSnapshot.decode(longer)).isInstanceOf(WireException.class);
    }
}
