package org.linkage.router.domain;

/** The supervision ladder, in order: 预警, 催办, 督办, 挂牌督办. */
public enum SupervisionStep {
    WARNING("预警"), CHASE("催办"), SUPERVISE("督办"), LISTED("挂牌督办");

    private final String nameZh;

    SupervisionStep(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
