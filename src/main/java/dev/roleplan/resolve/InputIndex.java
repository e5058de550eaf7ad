package dev.roleplan.resolve;

import dev.roleplan.model.Address;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lookups over one input's resources: by address, by type, and roles/policies by known ARN or name. */
final class InputIndex {

    private final Infrastructure input;
    private final Map<Address, Resource> byAddress = new TreeMap<>();
    private final Map<String, List<Resource>> managedByType = new HashMap<>();
    private final Map<String, List<Resource>> dataByType = new HashMap<>();
    private final Map<String, Resource> roleByArn = new HashMap<>();
    private final Map<String, Resource> roleByName = new HashMap<>();
    private final Map<String, Resource> policyByArn = new HashMap<>();
    private final Map<String, Resource> dataRoleByArn = new HashMap<>();
    private final Map<String, Resource> dataPolicyByArn = new HashMap<>();

    InputIndex(Infrastructure input) {
        this.input = input;
        for (Resource resource : input.resources()) {
            byAddress.put(resource.address(), resource);
            (resource.isData() ? dataByType : managedByType)
                    .computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
        }
        for (Resource role : managed("aws_iam_role")) {
            indexByKnown(role, "arn", roleByArn);
            indexByKnown(role, "name", roleByName);
        }
        for (Resource policy : managed("aws_iam_policy")) {
            indexByKnown(policy, "arn", policyByArn);
        }
        for (Resource role : data("aws_iam_role")) {
            indexByKnown(role, "arn", dataRoleByArn);
        }
        for (Resource policy : data("aws_iam_policy")) {
            indexByKnown(policy, "arn", dataPolicyByArn);
        }
    }

    /** Indexes the known value of an attribute, after the change first, then before it. */
    private static void indexByKnown(Resource resource, String attribute, Map<String, Resource> into) {
        String after = Values.knownString(resource.value(attribute));
        if (after != null) {
            into.putIfAbsent(after, resource);
        }
        if (resource.before() != null) {
            String before = Values.knownString(resource.before().get(attribute));
            if (before != null) {
                into.putIfAbsent(before, resource);
            }
        }
    }

    Infrastructure input() {
        return input;
    }

    Resource get(Address address) {
        return byAddress.get(address);
    }

    List<Resource> managed(String type) {
        return managedByType.getOrDefault(type, List.of());
    }

    List<Resource> data(String type) {
        return dataByType.getOrDefault(type, List.of());
    }

    /** A managed role named by ARN or name. A role ARN's last path part is its name, used when the role's ARN is unknown. */
    Resource roleByArnOrName(String text) {
        if (text.startsWith("arn:")) {
            Resource byArn = roleByArn.get(text);
            if (byArn != null) {
                return byArn;
            }
            int slash = text.lastIndexOf('/');
            if (text.contains(":role/") && slash > 0) {
                Resource byName = roleByName.get(text.substring(slash + 1));
                if (byName != null && !Values.isKnown(byName.value("arn"))) {
                    return byName;
                }
            }
            return null;
        }
        return roleByName.get(text);
    }

    Resource roleByName(String name) {
        return roleByName.get(name);
    }

    Resource dataRoleByArn(String arn) {
        return dataRoleByArn.get(arn);
    }

    Resource policyByArn(String arn) {
        return policyByArn.get(arn);
    }

    Resource dataPolicyByArn(String arn) {
        return dataPolicyByArn.get(arn);
    }
}
