package dev.roleplan.bench;

import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.iam.NamedPolicy;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.iam.Wildcard;
import dev.roleplan.model.PolicyDocument;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * A warm-loop micro benchmark of the hot inner pieces: wildcard matching, one policy decision, and a
 * role's effective permissions. Run by hand, not by the test suite (JMH is not wired in):
 *
 * <pre>
 * mvn -q -o -DskipTests package test-compile
 * java -cp target/roleplan.jar:target/test-classes dev.roleplan.bench.PolicyMicroBench
 * </pre>
 *
 * Each case runs for a warm-up second, then reports the mean time per operation over about two seconds.
 */
public final class PolicyMicroBench {

    private PolicyMicroBench() {
    }

    public static void main(String[] args) {
        ActionCatalog catalog = ActionCatalog.get();
        PolicyDocument readOnly = managed("arn:aws:iam::aws:policy/ReadOnlyAccess");
        PolicyDocument admin = managed("arn:aws:iam::aws:policy/AdministratorAccess");
        PolicyDocument taskExecution = managed("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        List<NamedPolicy> readOnlyRole = List.of(new NamedPolicy("ReadOnlyAccess", readOnly));
        List<NamedPolicy> adminRole = List.of(new NamedPolicy("AdministratorAccess", admin));
        List<NamedPolicy> executionRole = List.of(new NamedPolicy("AmazonECSTaskExecutionRolePolicy", taskExecution));

        run("Wildcard.matchesLowerText s3:Get*Object*", () -> Wildcard.matchesLowerText("s3:Get*Object*", "s3:getobjectversionacl") ? 1 : 0);
        run("PolicyEvaluator ReadOnlyAccess s3:GetObject", () -> PolicyEvaluator.evaluateNamed(readOnlyRole, null,
                "s3:GetObject", "arn:aws:s3:::bucket/key").statements().size());
        run("EffectivePermissions AmazonECSTaskExecutionRolePolicy", () -> EffectivePermissions.of(executionRole, null, catalog).grants().size());
        run("EffectivePermissions ReadOnlyAccess", () -> EffectivePermissions.of(readOnlyRole, null, catalog).grants().size());
        run("EffectivePermissions AdministratorAccess", () -> EffectivePermissions.of(adminRole, null, catalog).grants().size());
    }

    private static PolicyDocument managed(String arn) {
        return ManagedPolicies.get().document(arn).map(PolicyParser::parse)
                .orElseThrow(() -> new IllegalStateException("bundled managed policies lack " + arn));
    }

    private static void run(String name, IntSupplier op) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += op.getAsInt();
        }
        long ops = 0;
        long start = System.nanoTime();
        long end = start + 2_000_000_000L;
        long now;
        do {
            sink += op.getAsInt();
            ops++;
            now = System.nanoTime();
        } while (now < end);
        double perOp = (now - start) / (double) ops;
        String unit = perOp >= 1_000_000 ? String.format("%10.2f ms", perOp / 1e6)
                : perOp >= 1_000 ? String.format("%10.2f us", perOp / 1e3) : String.format("%10.1f ns", perOp);
        System.out.printf("%-55s %s/op  (%d ops, checksum %d)%n", name, unit, ops, sink % 1000);
    }
}
