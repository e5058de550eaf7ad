package dev.roleplan.input.hcl;

import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the AWS provider's data sources roleplan relies on return before apply: the rendered
 * {@code aws_iam_policy_document}, and the account, region and partition as far as the configuration says.
 */
final class DataSources {

    private DataSources() {
    }

    static void complete(ResourceInstance data, Map<String, Object> body, Loader loader) {
        String address = data.address();
        switch (data.type()) {
            case "aws_iam_policy_document" -> body.put("json", PolicyDocumentRenderer.render(address, body, loader.session));
            case "aws_region" -> {
                // name (provider v5) or region (v6, also the argument choosing another region), else the provider's
                Object region = body.get("name") != null ? body.get("name")
                        : body.get("region") != null ? body.get("region") : loader.providerRegion();
                for (String attribute : List.of("name", "region", "id")) {
                    body.putIfAbsent(attribute, region != null ? region
                            : Unknown.attribute(new Reference(Address.of(address), attribute)).refinedNotNull());
                }
            }
            case "aws_partition" -> {
                Object region = loader.providerRegion();
                if (region instanceof String r) {
                    String partition = AccountContext.partitionOf(r);
                    body.putIfAbsent("partition", partition);
                    body.putIfAbsent("dns_suffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
                }
            }
            case "aws_caller_identity" -> {
                Object account = loader.providerAccount();
                if (account != null) {
                    body.putIfAbsent("account_id", account);
                }
            }
            default -> {
            }
        }
    }

    /** Sorted distinct strings, as the provider's sets hold them; null when an element is unknown. */
    static List<Object> set(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            TreeSet<String> known = new TreeSet<>();
            for (Object element : list) {
                if (element instanceof String s) {
                    known.add(s);
                } else if (element instanceof Unknown) {
                    out.add(element);
                } else if (element != null) {
                    known.add(Values.toStringValue(element));
                }
            }
            List<Object> sorted = new ArrayList<>(known);
            sorted.addAll(out);
            return sorted;
        }
        if (value != null) {
            out.add(value);
        }
        return out;
    }
}
