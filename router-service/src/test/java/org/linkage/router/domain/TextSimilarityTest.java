package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSimilarityTest {
    @Test
    void sameMatterInOtherWordsIsSimilarAndAnUnrelatedOneIsNot() {
        double same = TextSimilarity.of("玉林小区3栋楼下烧烤店夜间噪音扰民", "玉林小区3栋楼下烧烤店噪音很大扰民");
        double other = TextSimilarity.of("玉林小区3栋楼下烧烤店夜间噪音扰民", "公司拖欠工资三个月未发");
        assertTrue(same > 0.5, "similar: " + same);
        assertTrue(other < 0.1, "unrelated: " + other);
        assertEquals(1.0, TextSimilarity.of("噪音扰民", "噪音，扰民！"));
        assertEquals(0.0, TextSimilarity.of("", "噪音"));
    }

    @Test
    void distanceIsInMetres() {
        double d = TextSimilarity.metresBetween(30.6400, 104.0400, 30.6410, 104.0400);
        assertTrue(d > 105 && d < 118, "0.001 degree of latitude is about 111 m: " + d);
    }
}
