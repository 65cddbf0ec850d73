package org.tomprotocol.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.RuleAssertions.assertAccepts;
import static org.tomprotocol.archtests.support.RuleAssertions.assertReports;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomprotocol.archtests.support.Identifiers;
import org.tomprotocol.archtests.support.ProductionClasses;
import org.tomprotocol.core.fixture.BandwidthBanner;
import org.tomprotocol.core.fixture.BinaryReputation;
import org.tomprotocol.core.fixture.DecayingReputation;
import org.tomprotocol.core.fixture.ForgivenScore;
import org.tomprotocol.core.fixture.PeerBanList;
import org.tomprotocol.core.fixture.ScoredRole;
import org.tomprotocol.core.fixture.VolunteeredRole;
import org.tomprotocol.spi.state.DecayingCount;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Lock 4: reputation is a decaying gradient, never a ban. No type, field or method is named after a ban, a
 * blacklist or a block list, and whatever is named "reputation" holds a number (or numbers, or a reputation
 * type that itself holds no yes/no state). Parameter names are not in class files, so they are not checked.
 * Beyond names: a score ({@link DecayingCount}) is never replaced — it only grows by {@code add} and fades — and
 * in a class that keeps a score to itself, every yes/no state (a role) is set only where that score is read: roles
 * follow scores, nobody volunteers into one.
 */
class Lock4ReputationIsAGradient {
    /** Ban words as whole words of an identifier, so "bandwidth", "banner" and "urban" pass. */
    static final Pattern BAN_WORDS = Pattern.compile(
            "\\b((un)?ban(s|ned|ning)?|(black|block|deny) ?list(s|ed|ing)?)\\b");
    private static final Set<String> NUMERIC_PRIMITIVES = Set.of("byte", "short", "int", "long", "float", "double");
    private static final Set<String> NUMERIC_OPTIONALS = Set.of("java.util.OptionalInt", "java.util.OptionalLong",
            "java.util.OptionalDouble");

    static final ArchRule NO_BANS = classes()
            .should(notBeNamedLikeABan())
            .because("lock 4: a misbehaving peer's reputation decays, it is never banned");

    static final ArchRule SCORES_ARE_NEVER_REPLACED = classes()
            .should(keepEachScoreForGood())
            .because("lock 4: a score changes only by verified evidence and by decay, never by a reset");

    static final ArchRule ROLES_FOLLOW_SCORES = classes()
            .should(setYesNoStatesOnlyWhereTheScoreIsRead())
            .because("lock 4: roles are imposed by measured contribution, never volunteered (ADR-007)");

    static final ArchRule REPUTATION_IS_A_NUMBER = classes()
            .should(holdReputationAsANumber())
            .because("lock 4: reputation is a gradient, never a boolean state");

    private static ArchCondition<JavaClass> notBeNamedLikeABan() {
        return new ArchCondition<>("not be named like a ban, a blacklist or a block list, nor have such members") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (Identifiers.wordsMatch(type.getSimpleName(), BAN_WORDS)) {
                    events.add(SimpleConditionEvent.violated(type, "type " + type.getName() + " is named like a ban"));
                }
                for (JavaMember member : members(type)) {
                    if (Identifiers.wordsMatch(member.getName(), BAN_WORDS)) {
                        events.add(SimpleConditionEvent.violated(member, member.getFullName()
                                + " is named like a ban"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> holdReputationAsANumber() {
        return new ArchCondition<>("hold reputation as a number, never as a boolean state") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean reputationType = mentionsReputation(type.getSimpleName());
                for (JavaField field : type.getFields()) {
                    if (isGenerated(field)) {
                        continue;
                    }
                    if (mentionsReputation(field.getName()) && !isNumeric(field.getType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is a "
                                + field.getType().getName() + ", but a reputation must be a number"));
                    } else if (reputationType && isBoolean(field.getRawType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                + " is a yes/no state inside a reputation type"));
                    }
                }
                for (JavaMethod method : type.getMethods()) {
                    if (isGenerated(method) || method.getName().equals("equals")) {
                        continue;
                    }
                    boolean returnsSomething = !method.getRawReturnType().getName().equals("void");
                    if (mentionsReputation(method.getName()) && returnsSomething && !isNumeric(method.getReturnType())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
                                + method.getReturnType().getName() + ", but a reputation must be a number"));
                    } else if (reputationType && isBoolean(method.getRawReturnType())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " answers yes/no about a reputation"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> keepEachScoreForGood() {
        return new ArchCondition<>("keep each decaying score in a final field") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaField field : type.getFields()) {
                    if (isScore(field) && !field.getModifiers().contains(JavaModifier.FINAL)) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                + " holds a score that could be replaced by a fresh one"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> setYesNoStatesOnlyWhereTheScoreIsRead() {
        return new ArchCondition<>("set each yes/no state only in a method that reads the class's own score") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean keepsAScore = type.getFields().stream()
                        .anyMatch(field -> isScore(field) && field.getModifiers().contains(JavaModifier.PRIVATE));
                if (!keepsAScore) {
                    return;
                }
                for (JavaField field : type.getFields()) {
                    if (isGenerated(field) || !isBoolean(field.getRawType())
                            || !field.getModifiers().contains(JavaModifier.PRIVATE)) {
                        continue;
                    }
                    for (JavaFieldAccess access : field.getAccessesToSelf()) {
                        JavaCodeUnit origin = access.getOrigin();
                        if (access.getAccessType() == JavaFieldAccess.AccessType.SET && !origin.isConstructor()
                                && origin.getMethodCallsFromSelf().stream().noneMatch(
                                        call -> call.getTargetOwner().isEquivalentTo(DecayingCount.class)
                                                && call.getName().equals("value"))) {
                            events.add(SimpleConditionEvent.violated(access, origin.getFullName() + " sets "
                                    + field.getName() + " without reading the score it should follow"));
                        }
                    }
                }
            }
        };
    }

    private static boolean isScore(JavaField field) {
        return !isGenerated(field) && field.getRawType().isEquivalentTo(DecayingCount.class);
    }

    private static List<JavaMember> members(JavaClass type) {
        return type.getMembers().stream().filter(member -> !isGenerated(member))
                .filter(member -> !member.getName().equals("<init>") && !member.getName().equals("<clinit>"))
                .toList();
    }

    private static boolean isGenerated(JavaMember member) {
        return member.getModifiers().contains(JavaModifier.SYNTHETIC)
                || member.getModifiers().contains(JavaModifier.BRIDGE);
    }

    private static boolean mentionsReputation(String name) {
        return name.toLowerCase(Locale.ROOT).contains("reputation");
    }

    private static boolean isBoolean(JavaClass type) {
        return type.getName().equals("boolean") || type.getName().equals(Boolean.class.getName());
    }

    /** A number, an array or container of numbers, or a reputation type (checked on its own). */
    static boolean isNumeric(JavaType type) {
        if (type instanceof JavaParameterizedType parameterized && !parameterized.getActualTypeArguments().isEmpty()) {
            List<JavaType> arguments = parameterized.getActualTypeArguments();
            return isNumeric(arguments.get(arguments.size() - 1));
        }
        JavaClass raw = type.toErasure();
        if (raw.isArray()) {
            return isNumeric(raw.getComponentType());
        }
        return NUMERIC_PRIMITIVES.contains(raw.getName())
                || (!raw.isPrimitive() && raw.isAssignableTo(Number.class))
                || NUMERIC_OPTIONALS.contains(raw.getName())
                || mentionsReputation(raw.getSimpleName());
    }

    @Test
    void noProductionNameIsABan() {
        NO_BANS.check(ProductionClasses.all());
    }

    @Test
    void productionReputationIsANumber() {
        REPUTATION_IS_A_NUMBER.check(ProductionClasses.all());
    }

    @Test
    void productionScoresAreNeverReplaced() {
        SCORES_ARE_NEVER_REPLACED.check(ProductionClasses.all());
    }

    @Test
    void productionRolesFollowScores() {
        ROLES_FOLLOW_SCORES.check(ProductionClasses.all());
    }

    @Test
    void aScoreWipedByAFreshCountIsReported() {
        var result = assertReports(SCORES_ARE_NEVER_REPLACED, ForgivenScore.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("losses");
        assertAccepts(SCORES_ARE_NEVER_REPLACED, ScoredRole.class, VolunteeredRole.class);
    }

    @Test
    void aRoleTakenWithoutLookingAtTheScoreIsReportedAndOneReviewedFromItIsAccepted() {
        var result = assertReports(ROLES_FOLLOW_SCORES, VolunteeredRole.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("volunteer", "relay");
        assertAccepts(ROLES_FOLLOW_SCORES, ScoredRole.class, ForgivenScore.class);
    }

    @Test
    void banRuleReportsATypeAndMembersNamedLikeBans() {
        var result = assertReports(NO_BANS, PeerBanList.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("type " + PeerBanList.class.getName(), "banPeer", "isBanned", "blacklist",
                        "BLOCK_LIST_SIZE");
    }

    @Test
    void banRuleAcceptsWordsThatOnlyContainTheLetters() {
        assertAccepts(NO_BANS, BandwidthBanner.class, DecayingReputation.class);
    }

    @Test
    void reputationRuleReportsYesNoReputations() {
        var result = assertReports(REPUTATION_IS_A_NUMBER, PeerBanList.class, BinaryReputation.class);
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("reputationOk", "hasGoodReputation", "trusted");
    }

    @Test
    void reputationRuleAcceptsScoresMapsOfScoresAndReputationTypes() {
        assertAccepts(REPUTATION_IS_A_NUMBER, BandwidthBanner.class, DecayingReputation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ban", "banPeer", "isBanned", "unbanAll", "BANS", "blacklist", "blackList",
        "blockList", "BLOCK_LIST", "blocklisted", "denyList", "PeerBanList"})
    void banWordsAreFound(String identifier) {
        assertThat(Identifiers.wordsMatch(identifier, BAN_WORDS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bandwidth", "banner", "urban", "Bandwidth", "blockListener", "blockSize",
        "listBlocks", "HTTPBanner", "abandon", "turban"})
    void wordsThatOnlyContainTheLettersAreNotBans(String identifier) {
        assertThat(Identifiers.wordsMatch(identifier, BAN_WORDS)).isFalse();
    }
}
