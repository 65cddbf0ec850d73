package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.archtests.support.TomPackages;
import org.tomprotocol.core.engine.MessageHolder;
import org.tomprotocol.core.fixture.CountedHolder;
import org.tomprotocol.core.fixture.HolderOwner;
import org.tomprotocol.core.fixture.InboxThatNeverForgets;
import org.tomprotocol.core.fixture.UncountedHolder;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Lock 2: a message vanishes everywhere 24 h after its timestamp. The static half of the proof (the dynamic half is
 * {@code MessageLifetimeTest}, 25 virtual hours after which the node's count of message data is zero):
 *
 * <ol>
 *   <li>every core type that keeps message data (message ids, envelopes, backup copies, delivered messages, or
 *       records holding them) in a container that does not expire by itself ({@code ExpiringMap}/{@code ExpiringSet}
 *       do) implements {@link MessageHolder} — a type recording one message (with a field that is message data itself)
 *       goes with its message, and an immutable value (a record, e.g. what a restart loads) goes with whoever keeps
 *       it, so both are exempt;</li>
 *   <li>every {@link MessageHolder}'s count is read by the {@code messagesHeld} of another type — its owner — up to
 *       the node ({@code NodeFacade}), whose count the lifetime test reads. A holder nobody counts could keep data
 *       past 24 h without the test seeing it.</li>
 * </ol>
 * What the rules cannot see: data kept as hashes (the replay window, which implements the contract anyway), and the
 * time-to-live given to an expiring container.
 */
class Lock2MessagesVanish {
    /** The types that are message data by themselves; a type with a field of message data is message data too. */
    private static final Set<String> MESSAGE_DATA = Set.of("org.tomprotocol.api.MessageId",
            "org.tomprotocol.api.InboundMessage", "org.tomprotocol.core.wire.Envelope",
            "org.tomprotocol.core.wire.BackupCopy");
    private static final Set<String> SELF_EXPIRING = Set.of("org.tomprotocol.spi.state.ExpiringMap",
            "org.tomprotocol.spi.state.ExpiringSet");
    private static final String ROOT = "org.tomprotocol.core.runtime.NodeFacade";

    static final ArchRule HOLDERS_DECLARE_WHAT_THEY_HOLD = classes()
            .that().resideInAPackage(TomPackages.CORE)
            .should(declareTheMessagesTheyHold())
            .because("lock 2: whatever keeps messages must say how many, so that the 25 h test sees it empty");

    static final ArchRule EVERY_HOLDER_IS_COUNTED_BY_ITS_OWNER = classes()
            .that().implement(MessageHolder.class)
            .and().doNotHaveFullyQualifiedName(ROOT)
            .should(beCountedByAnotherTypesCount())
            .because("lock 2: the node's count of what it holds must include every holder");

    private static ArchCondition<JavaClass> declareTheMessagesTheyHold() {
        return new ArchCondition<>("implement MessageHolder if they keep message data in a container that does not "
                + "expire by itself") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isInterface() || type.isRecord() || isMessageData(type, new HashSet<>())
                        || type.isAssignableTo(MessageHolder.class)) {
                    return;
                }
                for (JavaField field : type.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.STATIC)
                            || SELF_EXPIRING.contains(field.getRawType().getName())) {
                        continue;
                    }
                    if (isContainer(field.getRawType()) && mentionsMessageData(field.getType(), new HashSet<>())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " keeps message data ("
                                + field.getType().getName() + ") but " + type.getSimpleName()
                                + " does not implement MessageHolder"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beCountedByAnotherTypesCount() {
        return new ArchCondition<>("have their messagesHeld() read by another type's messagesHeld()") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isInterface()) {
                    return;
                }
                boolean counted = false;
                for (JavaMethod method : type.getMethods()) {
                    if (!method.getName().equals("messagesHeld") || !method.getRawParameterTypes().isEmpty()) {
                        continue;
                    }
                    for (JavaAccess<?> access : method.getAccessesToSelf()) {
                        counted |= access.getOrigin().getName().equals("messagesHeld")
                                && !access.getOriginOwner().equals(type);
                    }
                }
                if (!counted) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is a MessageHolder whose messagesHeld() no owner's messagesHeld() reads"));
                }
            }
        };
    }

    /** Whether {@code type} mentions message data anywhere: itself, an array of it, or a type argument. */
    private static boolean mentionsMessageData(JavaType type, Set<String> seen) {
        if (type instanceof JavaParameterizedType parameterized) {
            for (JavaType argument : parameterized.getActualTypeArguments()) {
                if (mentionsMessageData(argument, seen)) {
                    return true;
                }
            }
        }
        JavaClass raw = type.toErasure();
        if (raw.isArray()) {
            return mentionsMessageData(raw.getComponentType(), seen);
        }
        return isMessageData(raw, seen);
    }

    /**
     * Whether {@code type} is message data: one of the seeds, or a ToM type with a field that is itself message data
     * (not a container of it): the record of one message. A type with only containers of message data is a holder.
     */
    private static boolean isMessageData(JavaClass type, Set<String> seen) {
        if (MESSAGE_DATA.contains(type.getName())) {
            return true;
        }
        if (!type.getPackageName().startsWith("org.tomprotocol") || !seen.add(type.getName())) {
            return false;
        }
        for (JavaField field : type.getFields()) {
            if (!field.getModifiers().contains(JavaModifier.STATIC) && !isContainer(field.getRawType())
                    && isMessageData(field.getRawType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContainer(JavaClass raw) {
        return raw.isArray() || raw.isAssignableTo(java.util.Map.class) || raw.isAssignableTo(java.util.Collection.class)
                || SELF_EXPIRING.contains(raw.getName());
    }

    @Test
    void everyCoreTypeThatKeepsMessagesDeclaresWhatItHolds() {
        HOLDERS_DECLARE_WHAT_THEY_HOLD.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsAMapOfMessagesThatNothingCounts() {
        assertReports(HOLDERS_DECLARE_WHAT_THEY_HOLD, InboxThatNeverForgets.class);
    }

    @Test
    void ruleAcceptsAHolderAndAnOwnerWhoseOwnDataExpiresByItself() {
        assertAccepts(HOLDERS_DECLARE_WHAT_THEY_HOLD, CountedHolder.class, HolderOwner.class);
    }

    @Test
    void everyHolderIsCountedByItsOwnerUpToTheNode() {
        EVERY_HOLDER_IS_COUNTED_BY_ITS_OWNER.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsAHolderNobodyCounts() {
        assertReports(EVERY_HOLDER_IS_COUNTED_BY_ITS_OWNER, UncountedHolder.class);
    }

    @Test
    void ruleAcceptsAHolderItsOwnerCounts() {
        assertAccepts(EVERY_HOLDER_IS_COUNTED_BY_ITS_OWNER, CountedHolder.class, HolderOwner.class);
    }
}
