package dev.roleplan.model;

/** Region, account and partition as far as the input tells them (provider configuration, caller identity). */
public record AccountContext(Value<String> region, Value<String> account, Value<String> partition) {

    public static AccountContext unknown() {
        return new AccountContext(Value.absent(), Value.absent(), Value.absent());
    }

    /** The partition a region belongs to: China and GovCloud by their region prefixes, else the commercial one. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
