package dev.roleplan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one front end read from one input: the resource instances, the account context, what the user
 * should be told, and every value the input marks sensitive (so that no renderer can ever print one).
 *
 * @param statementLocations policy document text → where each of its statements was written (an element is
 *                           null when that statement has no position). Only the HCL front end knows this;
 *                           the resolver gives parsed statements these locations, so findings point at the
 *                           statement's line. Empty for plans.
 */
public record Infrastructure(
        InputInfo input,
        List<Resource> resources,
        AccountContext context,
        List<Notice> notices,
        Set<String> sensitiveValues,
        Map<String, List<SourceLocation>> statementLocations) {

    public Infrastructure {
        resources = List.copyOf(resources);
        notices = List.copyOf(notices);
        sensitiveValues = Set.copyOf(sensitiveValues);
        Map<String, List<SourceLocation>> copy = new LinkedHashMap<>();
        statementLocations.forEach((text, where) -> copy.put(text, Collections.unmodifiableList(new ArrayList<>(where))));
        statementLocations = Collections.unmodifiableMap(copy);
    }

    /** An input without statement positions (plans). */
    public Infrastructure(InputInfo input, List<Resource> resources, AccountContext context, List<Notice> notices,
                          Set<String> sensitiveValues) {
        this(input, resources, context, notices, sensitiveValues, Map.of());
    }
}
