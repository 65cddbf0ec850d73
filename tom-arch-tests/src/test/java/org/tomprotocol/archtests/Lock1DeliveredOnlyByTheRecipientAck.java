package org.tomprotocol.archtests;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.core.fixture.RelayAckDeliverer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Lock 1: a message is delivered if and only if its final recipient acknowledged it. In the engine, the only
 * code that may even name {@link MessageStatus#DELIVERED} is the delivery tracker's recipient-acknowledgement
 * path; relay acknowledgements, read receipts, retries and timers cannot produce it.
 */
class Lock1DeliveredOnlyByTheRecipientAck {
    private static final String TRACKER = "org.tomprotocol.core.engine.DeliveryTracker";
    private static final String RECIPIENT_ACK_PATH = "onRecipientAck";

    static final ArchRule ONLY_THE_RECIPIENT_ACK_DELIVERS = classes()
            .that(resideInAPackage("org.tomprotocol.core.."))
            .should(notNameDeliveredOutsideTheRecipientAckPath())
            .because("lock 1: delivered ⇔ the final recipient's acknowledgement");

    private static ArchCondition<JavaClass> notNameDeliveredOutsideTheRecipientAckPath() {
        return new ArchCondition<>("name MessageStatus.DELIVERED only in " + TRACKER + "." + RECIPIENT_ACK_PATH) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                    boolean delivered = access.getTarget().getOwner().isEquivalentTo(MessageStatus.class)
                            && access.getTarget().getName().equals(MessageStatus.DELIVERED.name());
                    boolean allowed = javaClass.getName().equals(TRACKER)
                            && access.getOrigin().getName().equals(RECIPIENT_ACK_PATH);
                    if (delivered && !allowed) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                + ": only the recipient's acknowledgement may make a message delivered"));
                    }
                }
            }
        };
    }

    @Test
    void onlyTheTrackersRecipientAckPathMakesAMessageDelivered() {
        ONLY_THE_RECIPIENT_ACK_DELIVERS.check(ProductionClasses.all());
    }

    @Test
    void ruleReportsCodeThatDeliversOnARelayAck() {
        assertReports(ONLY_THE_RECIPIENT_ACK_DELIVERS, RelayAckDeliverer.class);
    }
}
