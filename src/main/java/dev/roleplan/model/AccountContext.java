package dev.roleplan.model;

/** Region, account and partition as far as the input tells them (provider configuration, caller identity). */
public record AccountContext(Value<String> region, Value<String> account, Value<String> partition) {

    public static AccountContext unknown() {
        return new AccountContext(Value.absent(), Value.absent(), Value.absent());
    }
}
