package dev.roleplan.iam;

import dev.roleplan.iam.AccessComparison.Delta;
import dev.roleplan.iam.AccessComparison.Entry;
import dev.roleplan.iam.AccessComparison.Kind;
import dev.roleplan.iam.AccessComparison.PolicySet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessComparisonTest {

    private static PolicySet policies(String... statements) {
        return PolicySet.of(List.of(PolicyParser.parse(doc(statements))), null);
    }

    private static PolicySet bounded(String boundary, String... statements) {
        return PolicySet.of(List.of(PolicyParser.parse(doc(statements))), PolicyParser.parse(doc(boundary)));
    }

    private static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", Arrays.asList(statements)) + "]}";
    }

    private static String allow(String actions, String resources) {
        return "{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":" + resources + "}";
    }

    private static String deny(String actions, String resources) {
        return "{\"Effect\":\"Deny\",\"Action\":" + actions + ",\"Resource\":" + resources + "}";
    }

    private static List<String> lines(Delta d) {
        return d.lines().stream().map(l -> l.kind().label() + ": " + l.text()).toList();
    }

    private static Delta compare(PolicySet before, PolicySet after) {
        return AccessComparison.compare(before, after, ActionCatalog.get());
    }

    @Test
    void anAddedActionIsExactlyTheNewAccess() {
        Delta d = compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\"")),
                policies(allow("[\"s3:GetObject\",\"s3:DeleteObject\"]", "\"arn:aws:s3:::assets/*\"")));
        assertEquals(List.of("new: s3:DeleteObject on arn:aws:s3:::assets/*"), lines(d));
        assertEquals(1, d.entries().size());
    }

    @Test
    void aWildcardReplacingAListCollapsesToTheWildcardMinusTheOldActions() {
        Delta d = compare(policies(allow("[\"s3:GetObject\",\"s3:PutObject\"]", "\"arn:aws:s3:::assets/*\"")),
                policies(allow("\"s3:*\"", "\"arn:aws:s3:::assets/*\"")));
        assertEquals(List.of("new: s3:* except s3:GetObject, s3:PutObject on arn:aws:s3:::assets/*"), lines(d));
        long resourceLevel = ActionCatalog.get().expand("s3:*").stream().filter(a -> !a.isWildcardOnly()).count();
        assertEquals(resourceLevel - 2, d.of(Kind.ADDED).size());
    }

    @Test
    void findsWhetherAnActionIsGrantedAnewByItsLowerCaseName() {
        // new: s3:* but GetObject and PutObject on assets/*, and ec2:* on "*"; removed: sqs:SendMessage
        Delta d = compare(policies(allow("[\"s3:GetObject\",\"s3:PutObject\",\"sqs:SendMessage\"]", "\"arn:aws:s3:::assets/*\"")),
                policies(allow("\"s3:*\"", "\"arn:aws:s3:::assets/*\""), allow("\"ec2:*\"", "\"*\"")));
        for (String a : List.of("s3:deleteobject", "s3:listbucket", "ec2:runinstances", "ec2:describeinstances")) {
            assertEquals(true, d.widens(a), a);
        }
        for (String a : List.of("s3:getobject", "s3:putobject", "sqs:sendmessage", "iam:passrole", "s3:DeleteObject", "")) {
            assertEquals(false, d.widens(a), a);
        }
        // every entry's action is found; the binary search agrees with a walk through the entries
        for (Entry e : d.entries()) {
            String lower = e.action().toLowerCase(java.util.Locale.ROOT);
            boolean walk = d.entries().stream().anyMatch(x -> x.kind().widens() && x.action().equalsIgnoreCase(e.action()));
            assertEquals(walk, d.widens(lower), lower);
        }
    }

    /** Up to 31 statements on the two sides together, signatures are packed in a long; more take lists. */
    @Test
    void manyStatementsCompareAsFewDo() {
        for (int count : new int[] {5, 20}) { // 2 x 5 + 2 packed, 2 x 20 + 2 not
            String[] before = new String[count];
            String[] after = new String[count + 2];
            for (int i = 0; i < count; i++) {
                before[i] = allow("\"s3:GetObject\"", "\"arn:aws:s3:::b" + i + "/*\"");
                after[i] = before[i];
            }
            after[count] = allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:us-east-1:1:q\"");
            after[count + 1] = deny("\"s3:GetObject\"", "\"arn:aws:s3:::b0/secret/*\"");
            Delta d = compare(policies(before), policies(after));
            assertEquals(List.of("new: sqs:SendMessage on arn:aws:sqs:us-east-1:1:q"), lines(d).stream()
                    .filter(l -> l.startsWith("new")).toList(), "statements " + (2 * count + 2));
            assertEquals(List.of("removed: s3:GetObject on arn:aws:s3:::b0/*"), lines(d).stream()
                    .filter(l -> l.startsWith("removed")).toList(), "statements " + (2 * count + 2));
        }
    }

    @Test
    void aWidenedResourceIsNewButANarrowerOneIsNot() {
        Delta widened = compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/public/*\"")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\"")));
        // assets/public/* lies inside assets/*: nothing is removed
        assertEquals(List.of("new: s3:GetObject on arn:aws:s3:::assets/*"), lines(widened));
        // The reverse direction: assets/public/* lies inside assets/*, so only "removed" from the wider side.
        Delta narrowed = compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\"")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/public/*\"")));
        assertEquals(List.of("removed: s3:GetObject on arn:aws:s3:::assets/*"), lines(narrowed));
    }

    @Test
    void containmentOfGlobs() {
        // covered by *, by a prefix star, by the union of two patterns; ? is not covered by one literal
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "\"*\"")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::a?c/*\""), allow("\"s3:GetObject\"", "\"*\"")))).stream()
                .filter(l -> l.startsWith("new")).toList());
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "[\"arn:aws:s3:::b/x*\",\"arn:aws:s3:::b/[^x]*\",\"arn:aws:s3:::b/*\"]")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/x?\""))))
                .stream().filter(l -> l.startsWith("new")).toList());
        Delta notCovered = compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/a\"")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/?\"")));
        assertEquals(List.of("new: s3:GetObject on arn:aws:s3:::b/?"),
                lines(notCovered));
        // a region wildcard does not cross a colon: arn:aws:logs:*:1:* is inside arn:aws:logs:*:*:*
        assertEquals(List.of("removed: logs:PutLogEvents on arn:aws:logs:*:*:*"),
                lines(compare(policies(allow("\"logs:PutLogEvents\"", "\"arn:aws:logs:*:*:*\"")),
                        policies(allow("\"logs:PutLogEvents\"", "\"arn:aws:logs:*:1:log-group:*\"")))));
        // only the union of two patterns covers b/*: "b/" itself and "b/" followed by at least one character
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "[\"arn:aws:s3:::b/\",\"arn:aws:s3:::b/?*\"]")),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"")))).stream().filter(l -> l.startsWith("new")).toList());
        assertEquals(List.of("new: s3:GetObject on arn:aws:s3:::b/*"),
                lines(compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/?*\"")),
                        policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"")))));
    }

    @Test
    void aRemovedDenyIsNewAccess() {
        String allowAll = allow("\"s3:*\"", "\"arn:aws:s3:::assets/*\"");
        Delta d = compare(policies(allowAll, deny("\"s3:DeleteObject\"", "\"*\"")), policies(allowAll));
        assertEquals(List.of("new: s3:DeleteObject on arn:aws:s3:::assets/*"), lines(d));
        // A Deny that covers part of the granted pattern: the pattern is still partly new.
        Delta partial = compare(policies(allowAll, deny("\"s3:DeleteObject\"", "\"arn:aws:s3:::assets/keep/*\"")),
                policies(allowAll));
        assertEquals(List.of("new: s3:DeleteObject on arn:aws:s3:::assets/*"), lines(partial));
        // The same Deny on both sides: the denied part is not new.
        String keep = deny("\"s3:DeleteObject\"", "\"arn:aws:s3:::assets/keep/*\"");
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\""), keep),
                policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\""), allow("\"s3:DeleteObject\"", "\"arn:aws:s3:::assets/keep/*\""), keep))));
    }

    @Test
    void aLoosenedBoundaryIsNewAccess() {
        String identity = allow("[\"s3:GetObject\",\"s3:PutObject\"]", "\"*\"");
        Delta d = compare(bounded(allow("\"s3:GetObject\"", "\"*\""), identity),
                bounded(allow("\"s3:*Object\"", "\"*\""), identity));
        assertEquals(List.of("new: s3:PutObject on *"), lines(d));
    }

    @Test
    void conditionsAddedAndRemoved() {
        String plain = allow("\"s3:GetObject\"", "\"arn:aws:s3:::assets/*\"");
        String conditioned = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}";
        assertEquals(List.of("condition removed: s3:GetObject on arn:aws:s3:::assets/*"),
                lines(compare(policies(conditioned), policies(plain))));
        assertEquals(List.of("condition added: s3:GetObject on arn:aws:s3:::assets/* (conditional)"),
                lines(compare(policies(plain), policies(conditioned))));
        Delta newConditional = compare(PolicySet.empty(), policies(conditioned));
        assertEquals(List.of("new: s3:GetObject on arn:aws:s3:::assets/* (conditional)"), lines(newConditional));
        assertTrue(newConditional.widens());
    }

    @Test
    void identicalPoliciesGiveNoDelta() {
        PolicySet p = policies(allow("\"s3:*\"", "\"*\""), deny("\"s3:Delete*\"", "\"arn:aws:s3:::prod/*\""));
        assertTrue(compare(p, p).isEmpty());
    }

    @Test
    void wildcardOnlyActionsAreDecidedOnTheStarRequest() {
        // ecr:GetAuthorizationToken takes no resource: granting it on a repository ARN grants nothing.
        assertEquals(List.of(), lines(compare(PolicySet.empty(),
                policies(allow("\"ecr:GetAuthorizationToken\"", "\"arn:aws:ecr:us-east-1:1:repository/app\"")))));
        assertEquals(List.of("new: ecr:GetAuthorizationToken on *"), lines(compare(PolicySet.empty(),
                policies(allow("\"ecr:GetAuthorizationToken\"", "\"*\"")))));
    }

    @Test
    void aNotResourceGrantIsComparedExactly() {
        String notProd = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::prod/*\"}";
        assertEquals(List.of("new: s3:GetObject on * except arn:aws:s3:::prod/*"),
                lines(compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::dev/*\"")), policies(notProd))).stream()
                        .filter(l -> l.startsWith("new")).toList());
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "\"*\"")), policies(notProd))).stream()
                .filter(l -> l.startsWith("new")).toList());
    }

    @Test
    void everyActionOrANotActionIsOneLine() {
        ActionCatalog catalog = ActionCatalog.get();
        Delta d = compare(policies(allow("\"s3:GetObject\"", "\"*\"")), policies(allow("\"*\"", "\"*\"")));
        assertEquals(List.of("new: * except s3:GetObject on *"), lines(d));
        assertEquals(catalog.actionCount() - 2, d.entries().size(), "all but s3:GetObject and sts:GetCallerIdentity");
        String notIam = "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}";
        assertEquals(List.of("new: * except iam:*, organizations:* on *"), lines(compare(PolicySet.empty(), policies(notIam))));
        // sts:GetCallerIdentity is always allowed: never new, and a wildcard is not "except" it
        assertEquals(List.of("new: sts:* on *"), lines(compare(PolicySet.empty(), policies(allow("\"sts:*\"", "\"*\"")))));
    }

    @Test
    void policyVariablesAreComparedByTheirText() {
        String own = allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/${aws:username}/*\"");
        assertEquals(List.of(), lines(compare(policies(own), policies(own))));
        assertEquals(List.of(), lines(compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/*\"")), policies(own)))
                .stream().filter(l -> l.startsWith("new")).toList());
        // a literal name does not cover every user's prefix: new, conservatively
        assertEquals(List.of("new: s3:GetObject on arn:aws:s3:::home/${aws:username}/*"),
                lines(compare(policies(allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/alice/*\"")), policies(own)))
                        .stream().filter(l -> l.startsWith("new")).toList());
    }

    @Test
    void theSameDocumentsUnderOtherNamesAllowNothingNew() {
        PolicySet before = new PolicySet(List.of(new NamedPolicy("old_name",
                PolicyParser.parse(doc(allow("\"s3:*\"", "\"*\""))))), null);
        PolicySet after = new PolicySet(List.of(new NamedPolicy("new_name",
                PolicyParser.parse(doc(allow("\"s3:*\"", "\"*\""))))), null);
        assertTrue(compare(before, after).isEmpty());
    }

    private static ActionCatalog freshLazyCatalog() throws java.io.IOException {
        return CompiledCatalogTest.freshBundled();
    }

    @Test
    void aLazyCatalogGivesTheSameLinesAndReadsEveryServiceOnlyWhenAGrantMayBeMostOfAllActions() throws Exception {
        ActionCatalog lazy = freshLazyCatalog();
        PolicySet few = policies(allow("[\"s3:Get*\",\"sqs:SendMessage\"]", "\"*\""));
        Delta d = AccessComparison.compare(PolicySet.empty(), few, lazy);
        assertEquals(lines(compare(PolicySet.empty(), few)), lines(d));
        assertTrue(!lazy.allRead(), "S3's Get actions and one SQS action are not most of the services read: no need to read them all");

        PolicySet most = policies(allow("\"*\"", "\"*\""), deny("\"s3:*\"", "\"*\""));
        assertEquals(lines(compare(PolicySet.empty(), most)), lines(AccessComparison.compare(PolicySet.empty(), most, lazy)));
        assertTrue(lines(compare(PolicySet.empty(), most)).get(0).startsWith("new: * except s3:*"));
    }

    @Test
    void comparisonsSharingWorkGiveWhatEachGivesAlone() {
        String s3 = allow("\"s3:*\"", "\"arn:aws:s3:::assets/*\"");
        String sqs = allow("\"sqs:SendMessage\"", "\"*\"");
        String conditional = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}";
        List<PolicySet> sets = List.of(
                PolicySet.empty(),
                policies(s3, sqs),
                policies(s3, sqs, deny("\"s3:DeleteObject\"", "\"*\"")),
                // a boundary that names no S3 action still bounds S3: the shared work must know there is one
                bounded(sqs, s3, sqs),
                bounded(allow("\"s3:Get*\"", "\"*\""), s3, sqs),
                policies(conditional, sqs),
                policies(allow("\"*\"", "\"*\"")));
        AccessComparison.Shared shared = new AccessComparison.Shared();
        for (PolicySet before : sets) {
            for (PolicySet after : sets) {
                Delta alone = compare(before, after);
                Delta together = AccessComparison.compare(before, after, ActionCatalog.get(), shared);
                assertEquals(alone, together);
            }
        }
    }
}
