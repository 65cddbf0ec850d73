package org.tomprotocol.tck;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the suites of the TCK's own fixture providers run only when {@link TckRun} runs them: found by a build
 * (or an IDE) on their own, half of them would fail, by design.
 */
final class FixtureGate implements ExecutionCondition {
    static final String PARAMETER = "tom.tck.fixture-run";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
                ? ConditionEvaluationResult.enabled("run by TckRun")
                : ConditionEvaluationResult.disabled("a fixture's suite: TckRun runs it, check by check");
    }
}
