package dev.fusebox.ft.cdi.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Checks that the methods naming one retry-budget group ({@code @RetryBudget(group = ...)}) agree
 * on its parameters: they share one budget, so a ratio, ttl or reserve that differs between them
 * would be a silent choice of one of them. Each disagreement is a definition error naming the
 * group, both methods and both settings. Stateless; thread-safe.
 */
public final class RetryBudgetGroups {

    private RetryBudgetGroups() {
    }

    /** One definition error per method whose group's first member has other parameters; empty when all agree. */
    public static List<FaultToleranceDefinitionException> disagreements(List<MethodPolicy> policies) {
        Map<String, MethodPolicy> first = new LinkedHashMap<>();
        List<FaultToleranceDefinitionException> errors = new ArrayList<>();
        for (MethodPolicy policy : policies) {
            RetryBudgetSpec budget = policy.fusebox().retryBudget();
            if (budget == null || budget.group().isEmpty()) {
                continue;
            }
            MethodPolicy founder = first.putIfAbsent(budget.group(), policy);
            if (founder != null && !founder.fusebox().retryBudget().policy().equals(budget.policy())) {
                errors.add(DefinitionErrors.of("Invalid @RetryBudget on " + policy.name() + ": it shares group '"
                        + budget.group() + "' with " + founder.name() + ", which has " + settings(founder.fusebox()
                        .retryBudget()) + ", but it has " + settings(budget) + "; the methods of a group share one"
                        + " budget and must agree on it"));
            }
        }
        return errors;
    }

    private static String settings(RetryBudgetSpec budget) {
        return "ratio=" + budget.policy().ratio() + ", ttl=" + budget.policy().ttlNanos() / 1_000_000L
                + " ms, minRetriesPerSecond=" + budget.policy().minRetriesPerSecond();
    }
}
