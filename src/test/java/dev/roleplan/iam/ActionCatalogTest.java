package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    /** One expansion per Action element: each action once, in lower-case name order; "*" is every action. */
    @Test
    void anActionElementExpandsOnceToSortedDistinctActions() {
        ActionCatalog c = ActionCatalog.get();
        dev.roleplan.model.Patterns element = new dev.roleplan.model.Patterns(
                List.of("s3:PutObject", "s3:Get*", "S3:getobject", "${var.extra}"), false);
        List<ActionInfo> actions = c.expand(element);
        assertSame(actions, c.expand(new dev.roleplan.model.Patterns(element.values(), true)), "computed once, whatever the negation");
        assertEquals(actions.stream().map(ActionInfo::lowerName).sorted().distinct().toList(),
                actions.stream().map(ActionInfo::lowerName).toList());
        assertTrue(actions.stream().anyMatch(a -> a.fullName().equals("s3:PutObject")));
        assertEquals(1, actions.stream().filter(a -> a.fullName().equals("s3:GetObject")).count());
        assertTrue(actions.stream().allMatch(a -> a.service().equals("s3")));
        assertTrue(c.lowerNames(element).contains("s3:getobject"));
        assertSame(c.allActions(), c.expand(new dev.roleplan.model.Patterns(List.of("iam:PassRole", "*"), false)));
    }

    /** A NotAction's complement is most of the catalog: made once per element, like an Action's expansion. */
    @Test
    void aNotActionAllowsEveryOtherActionComputedOnce() {
        ActionCatalog c = ActionCatalog.get();
        dev.roleplan.model.Patterns notIam = new dev.roleplan.model.Patterns(List.of("iam:*", "organizations:*"), true);
        List<ActionInfo> allowed = c.actionsAllowedBy(notIam);
        assertSame(allowed, c.actionsAllowedBy(new dev.roleplan.model.Patterns(List.of("iam:*", "organizations:*"), true)));
        assertEquals(c.allActions().stream().filter(a -> !a.service().equals("iam") && !a.service().equals("organizations"))
                .toList(), allowed);
        assertSame(c.expand(notIam), c.actionsAllowedBy(new dev.roleplan.model.Patterns(notIam.values(), false)));
        assertEquals(List.of(), c.actionsAllowedBy(new dev.roleplan.model.Patterns(List.of("*:*"), true)));
    }

    /** "*:*" is every action as "*" is: the same list, so that every shortcut for "*" (isEveryAction) applies. */
    @Test
    void starColonStarExpandsToTheListOfEveryAction() {
        ActionCatalog c = ActionCatalog.get();
        List<ActionInfo> every = c.expand(new dev.roleplan.model.Patterns(List.of("*"), false));
        assertSame(every, c.expand(new dev.roleplan.model.Patterns(List.of("*:*"), false)));
        assertSame(every, c.expand(new dev.roleplan.model.Patterns(List.of("s3:GetObject", "*:*"), true)));
        assertSame(every, c.expand("*:*"));
        assertTrue(c.isEveryAction(c.expand(new dev.roleplan.model.Patterns(List.of("*:*"), false))));
        assertTrue(ActionCatalog.namesEveryAction(new dev.roleplan.model.Patterns(List.of("iam:PassRole", "*:*"), false)));
        assertTrue(!ActionCatalog.namesEveryAction(new dev.roleplan.model.Patterns(List.of("*:Get*", "s3:*"), false)));
    }
    private final ActionCatalog catalog = ActionCatalog.get();

    private static List<String> names(List<ActionInfo> actions) {
        return actions.stream().map(ActionInfo::fullName).toList();
    }

    @Test
    void lookupIsCaseInsensitiveAndReturnsCanonicalCase() {
        ActionInfo getObject = catalog.action("S3:getobject").orElseThrow();
        assertEquals("s3", getObject.service());
        assertEquals("GetObject", getObject.name());
        assertEquals("s3:GetObject", getObject.fullName());
        assertEquals(AccessLevel.READ, getObject.accessLevel());
        assertEquals(List.of("accesspointobject", "object"),
                getObject.resourceTypes().stream().map(rt -> rt.resourceType().name()).toList());
        assertEquals("arn:${Partition}:s3:::${BucketName}/${ObjectName}",
                getObject.resourceTypes().get(1).resourceType().arnFormat().format());
        assertTrue(getObject.conditionKeys().contains("s3:ExistingObjectTag/<key>"));
        assertEquals("Read", getObject.accessLevelRaw());
        assertFalse(getObject.resourceTypes().get(1).required());
        ActionResourceType taskDefinition = catalog.action("ecs:RunTask").orElseThrow().resourceTypes().get(0);
        assertEquals("task-definition", taskDefinition.resourceType().name());
        assertTrue(taskDefinition.required());
        List<ActionResourceType> deployment = catalog.action("ecs:ContinueServiceDeployment").orElseThrow().resourceTypes();
        assertEquals(List.of("aws:ResourceTag/${TagKey}", "ecs:cluster", "ecs:service"), deployment.get(1).conditionKeys());
        assertEquals(List.of(), getObject.resourceTypes().get(0).conditionKeys());
        assertTrue(catalog.action("s3:GetObjects").isEmpty());
        assertTrue(catalog.action("GetObject").isEmpty());
    }

    @Test
    void sameInstanceEveryTimeAndFromEveryThread() throws Exception {
        ActionCatalog.prefetch();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ActionCatalog>> futures = pool.invokeAll(
                    java.util.Collections.nCopies(8, ActionCatalog::get));
            for (java.util.concurrent.Future<ActionCatalog> f : futures) {
                assertSame(catalog, f.get());
            }
        } finally {
            pool.shutdown();
        }
        ManagedPolicies.prefetch();
        assertSame(ManagedPolicies.get(), ManagedPolicies.get());
    }

    @Test
    void expandsWildcards() {
        List<ActionInfo> s3Get = catalog.expand("s3:Get*");
        assertEquals(63, s3Get.size());
        assertTrue(s3Get.stream().allMatch(a -> a.service().equals("s3") && a.name().startsWith("Get")));
        assertEquals(s3Get, catalog.expand("S3:GET*"));
        assertEquals(21, catalog.expand("s3:get*object*").size());
        assertEquals(List.of(), catalog.expand("ecr:Pull*"));
        assertEquals(List.of(), catalog.expand("s3:GetObjects"));
        assertEquals(List.of("s3:GetObject"), names(catalog.expand("S3:getobject")));
        assertEquals(81, catalog.expand("ecs:*").size());
        assertEquals(catalog.actionCount(), catalog.expand("*").size());
        assertEquals(List.of("sts:AssumeRole"), names(catalog.expand("sts:AssumeRol?")));
        assertEquals(List.of(), catalog.expand("nosuchservice:*"));
    }

    @Test
    void wildcardInServicePartMatchesTheWholeName() {
        // "s3*:Get*" covers s3, s3-outposts, s3express, ... as IAM's whole-string matching does.
        List<ActionInfo> hits = catalog.expand("s3*:get*");
        assertEquals(121, hits.size());
        assertTrue(names(hits).contains("s3-outposts:GetObject"));
        assertTrue(names(hits).contains("s3:GetObject"));
    }

    @Test
    void expansionIsSortedByLowerCaseFullName() {
        List<String> lower = catalog.expand("iam:*").stream()
                .map(a -> a.fullName().toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(lower.stream().sorted().toList(), lower);
    }

    @Test
    void wildcardOnlyActions() {
        assertTrue(catalog.isWildcardOnly("ecr:GetAuthorizationToken"));
        assertFalse(catalog.isWildcardOnly("ecr:BatchGetImage"));
        assertTrue(catalog.resourceTypesAccepting("ecr:GetAuthorizationToken").isEmpty());
        assertEquals(List.of("repository"),
                catalog.resourceTypesAccepting("ecr:BatchGetImage").stream().map(ResourceType::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalog.isWildcardOnly("ecr:Pull"));
        assertEquals("unknown IAM action ecr:Pull", e.getMessage());
        long wildcardOnly = catalog.allActions().stream().filter(ActionInfo::isWildcardOnly).count();
        assertEquals(6724, wildcardOnly);
    }

    @Test
    void arnFormatMatching() {
        ActionInfo getObject = catalog.action("s3:GetObject").orElseThrow();
        assertTrue(getObject.acceptsArn("arn:aws:s3:::b/k"));
        assertTrue(getObject.acceptsArn("arn:aws:s3:::b/dir/sub/k.txt"));
        assertFalse(getObject.acceptsArn("arn:aws:s3:::b"));
        assertEquals("object", getObject.resourceTypeOf("arn:aws:s3:::b/k").orElseThrow().name());

        ActionInfo listBucket = catalog.action("s3:ListBucket").orElseThrow();
        assertTrue(listBucket.acceptsArn("arn:aws:s3:::b"));
        assertFalse(listBucket.acceptsArn("arn:aws:s3:::b/k"));

        ActionInfo pull = catalog.action("ecr:BatchGetImage").orElseThrow();
        assertTrue(pull.acceptsArn("arn:aws:ecr:eu-west-1:123456789012:repository/team/app"));
        assertFalse(pull.acceptsArn("arn:aws:ecr:eu-west-1:123456789012:cluster/app"));
        assertFalse(pull.acceptsArn("arn:aws:s3:::b/k"));

        ActionInfo putLogs = catalog.action("logs:PutLogEvents").orElseThrow();
        assertTrue(putLogs.acceptsArn("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:ecs/web/abc"));

        ActionInfo passRole = catalog.action("iam:PassRole").orElseThrow();
        assertTrue(passRole.acceptsArn("arn:aws:iam::123456789012:role/service/task-role"));
        assertFalse(passRole.acceptsArn("arn:aws:iam:us-east-1:123456789012:user/bob"));

        // a specific ARN never applies to a wildcard-only action
        assertFalse(catalog.action("ecr:GetAuthorizationToken").orElseThrow().acceptsArn("arn:aws:ecr:eu-west-1:1:repository/x"));
    }

    @Test
    void arnFormatRegexIsAnchoredAndEscaped() {
        assertEquals("arn:[^:]+:s3:::[^:/]+/.+", ArnFormat.toRegex("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
        assertEquals("arn:[^:]+:dms:[^:]*:[^:]*:cert:.*", ArnFormat.toRegex("arn:${Partition}:dms:${Region}:${Account}:cert:*"));
        ArnFormat f = new ArnFormat("arn:${Partition}:execute-api:${Region}:${Account}:${ApiId}/${Stage}/${Method}/${ApiSpecificResourcePath}");
        assertTrue(f.matches("arn:aws:execute-api:us-east-1:1:abc/prod/GET/pets"));
        assertFalse(f.matches("arn:aws:execute-api:us-east-1:1:abc/prod"));
        assertFalse(new ArnFormat("arn:${Partition}:sqs:${Region}:${Account}:${QueueName}").matches("ARN:aws:sqs:r:1:q"));
    }

    @Test
    void servicesAndConditionKeys() {
        assertEquals(456, catalog.services().size());
        assertEquals("Amazon S3", catalog.service("S3").orElseThrow().name());
        assertEquals(List.copyOf(catalog.services().keySet()), catalog.services().keySet().stream().sorted().toList());

        assertTrue(catalog.globalConditionKeys().containsKey("aws:SourceIp"));
        assertEquals("IPAddress", catalog.conditionKeyType("aws:SourceIp").orElseThrow().awsName());
        assertEquals("IPAddress", catalog.conditionKeyType("AWS:SOURCEIP").orElseThrow().awsName());
        assertEquals("Bool", catalog.conditionKeyType("aws:SecureTransport").orElseThrow().awsName());
        assertEquals("Date", catalog.conditionKeyType("aws:CurrentTime").orElseThrow().awsName());
        ConditionKey tag = catalog.conditionKey("aws:RequestTag/team").orElseThrow();
        assertTrue(tag.global());
        assertEquals(ConditionKeyType.ValueType.STRING, tag.type().valueType());
        assertEquals("ArrayOfString", catalog.conditionKeyType("aws:TagKeys").orElseThrow().awsName());
        assertTrue(catalog.conditionKeyType("aws:TagKeys").orElseThrow().multivalued());

        ConditionKey objectTag = catalog.conditionKey("s3:ExistingObjectTag/owner").orElseThrow();
        assertEquals("s3:ExistingObjectTag/<key>", objectTag.name());
        assertFalse(objectTag.global());
        assertEquals("Numeric", catalog.conditionKeyType("s3:TlsVersion").orElseThrow().awsName());
        assertEquals("String", catalog.conditionKeyType("iam:PassedToService").orElseThrow().awsName());
        assertEquals("ArrayOfARN", catalog.conditionKeyType("ecs:capacity-provider").orElseThrow().awsName());
        assertEquals(new ConditionKeyType(ConditionKeyType.ValueType.ARN, true), ConditionKeyType.parse("ArrayOfARN"));
        assertTrue(catalog.conditionKey("s3:NoSuchKey").isEmpty());
        assertTrue(catalog.conditionKey("aws:RequestTag/").isEmpty());
        assertTrue(catalog.conditionKey("nokey").isEmpty());
    }
}
