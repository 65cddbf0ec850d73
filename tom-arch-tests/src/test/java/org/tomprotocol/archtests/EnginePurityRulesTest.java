package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.core.engine.fixture.ClockReadingMachine;
import org.tomprotocol.core.engine.fixture.FileWritingMachine;
import org.tomprotocol.core.engine.fixture.LockingMachine;
import org.tomprotocol.core.engine.fixture.PureMachine;
import org.tomprotocol.core.engine.fixture.ThreadStartingMachine;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's state machines are pure: input and time in, effects out, driven by one agent thread. So
 * {@code core.engine} reads no clock (time is an argument), starts no thread and hands nothing to an executor (work
 * leaves as an effect), takes no lock (one thread drives it), and touches no file, channel or socket (the runtime
 * does I/O). That is what lets the very same code run on a node's agent and in the deterministic simulations.
 */
class EnginePurityRulesTest {
    private static final String ENGINE = "org.tomprotocol.core.engine..";

    static final ArchRule ENGINE_READS_NO_CLOCK = noClasses().that().resideInAPackage(ENGINE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(InstantSource.class)
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .because("the engine is pure: time is passed in, so a virtual clock can drive it");

    static final ArchRule ENGINE_STARTS_NO_THREAD = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
            .because("the engine is pure: one agent thread drives it, and work leaves it as effects");

    static final ArchRule ENGINE_TAKES_NO_LOCK = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage("java.util.concurrent.locks..")
            .because("the engine is driven by one thread: a lock would mean something else touches it");

    static final ArchRule ENGINE_HAS_NO_SYNCHRONIZED_METHOD = methods().that().areDeclaredInClassesThat()
            .resideInAPackage(ENGINE)
            .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .because("the engine is driven by one thread: a lock would mean something else touches it");

    static final ArchRule ENGINE_DOES_NO_IO = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..")
            .orShould().dependOnClassesThat()
            .haveNameMatching("java\\.io\\.(File|Random).*|java\\.io\\..*(Stream|Reader|Writer)")
            .because("the engine is pure: the runtime reads, writes and sends on its behalf");

    @Test
    void theEngineReadsNoClock() {
        ENGINE_READS_NO_CLOCK.check(ProductionClasses.all());
    }

    @Test
    void clockRuleReportsAMachineThatReadsTheTime() {
        assertReports(ENGINE_READS_NO_CLOCK, ClockReadingMachine.class);
    }

    @Test
    void theEngineStartsNoThread() {
        ENGINE_STARTS_NO_THREAD.check(ProductionClasses.all());
    }

    @Test
    void threadRuleReportsAMachineThatStartsOne() {
        assertReports(ENGINE_STARTS_NO_THREAD, ThreadStartingMachine.class);
    }

    @Test
    void theEngineTakesNoLock() {
        ENGINE_TAKES_NO_LOCK.check(ProductionClasses.all());
        ENGINE_HAS_NO_SYNCHRONIZED_METHOD.allowEmptyShould(true).check(ProductionClasses.all());
    }

    @Test
    void lockRulesReportAMachineWithALockAndASynchronizedMethod() {
        assertReports(ENGINE_TAKES_NO_LOCK, LockingMachine.class);
        assertReports(ENGINE_HAS_NO_SYNCHRONIZED_METHOD, LockingMachine.class);
    }

    @Test
    void theEngineDoesNoIo() {
        ENGINE_DOES_NO_IO.check(ProductionClasses.all());
    }

    @Test
    void ioRuleReportsAMachineThatWritesAFile() {
        assertReports(ENGINE_DOES_NO_IO, FileWritingMachine.class);
    }

    @Test
    void everyRuleAcceptsAMachineGivenTheTimeThatEmitsEffects() {
        for (ArchRule rule : new ArchRule[] {ENGINE_READS_NO_CLOCK, ENGINE_STARTS_NO_THREAD, ENGINE_TAKES_NO_LOCK,
                ENGINE_HAS_NO_SYNCHRONIZED_METHOD, ENGINE_DOES_NO_IO}) {
            assertAccepts(rule, PureMachine.class);
        }
    }
}
