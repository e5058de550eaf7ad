package dev.roleplan.model;

import java.util.List;
import java.util.Set;

/**
 * Everything one front end read from one input: the resource instances, the account context, what the user
 * should be told, and every value the input marks sensitive (so that no renderer can ever print one).
 */
public record Infrastructure(
        InputInfo input,
        List<Resource> resources,
        AccountContext context,
        List<Notice> notices,
        Set<String> sensitiveValues) {

    public Infrastructure {
        resources = List.copyOf(resources);
        notices = List.copyOf(notices);
        sensitiveValues = Set.copyOf(sensitiveValues);
    }
}
