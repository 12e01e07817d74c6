package org.linkage.router.domain;

/**
 * The two tiers a city ranks apart (分类排名): municipal departments against each other, and districts (each with
 * all of its own units together) against each other, since their caseloads are not comparable.
 */
public enum AssessmentTier {
    MUNICIPAL("市级部门"), DISTRICT("区（市）县");

    private final String nameZh;

    AssessmentTier(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** A unit of level MUNICIPAL counts for itself; a district or street unit counts for its district. */
    public static AssessmentTier ofLevel(String departmentLevel) {
        return "MUNICIPAL".equals(departmentLevel) ? MUNICIPAL : DISTRICT;
    }
}
