package dev.roleplan.ecs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image in a private ECR repository, in every form ECS accepts:
 * {@code ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]/REPO[:tag][@sha256:digest]} and the dual-stack
 * {@code ACCOUNT.dkr-ecr.REGION.on.aws/REPO}, repository names with slashes included. {@code public.ecr.aws/...}, Docker Hub and other registries are not private ECR.
 */
public record EcrImage(String account, String region, String partition, String repository) {

    private static final Pattern HOST = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
    /** The dual-stack (IPv4 and IPv6) endpoint: {@code ACCOUNT.dkr-ecr.REGION.on.aws}. */
    private static final Pattern DUAL_STACK_HOST = Pattern.compile("(\\d{12})\\.dkr-ecr\\.([a-z0-9-]+)\\.on\\.aws()");

    /** The private ECR image the text names, or null when it names another registry (or is not an image). */
    public static EcrImage parse(String image) {
        if (image == null) {
            return null;
        }
        int slash = image.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Matcher host = HOST.matcher(image.substring(0, slash));
        if (!host.matches()) {
            host = DUAL_STACK_HOST.matcher(image.substring(0, slash));
            if (!host.matches()) {
                return null;
            }
        }
        String rest = image.substring(slash + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(0, at);
        }
        // A tag follows the last colon after the last slash; colons elsewhere cannot occur in a repository name.
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.indexOf(':', lastSlash + 1);
        if (colon >= 0) {
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            return null;
        }
        String region = host.group(2);
        String partition = host.group(3) != null && !host.group(3).isEmpty() ? "aws-cn" : Arns.partitionOfRegion(region, null);
        return new EcrImage(host.group(1), region, partition, rest);
    }

    public String repositoryArn() {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repository;
    }
}
