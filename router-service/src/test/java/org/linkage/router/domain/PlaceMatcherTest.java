package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceMatcherTest {
    private final PlaceMatcher matcher = new PlaceMatcher(List.of(
            new PlaceMatcher.Place("510107", "武侯区"), new PlaceMatcher.Place("510107", "武侯"),
            new PlaceMatcher.Place("510107", "玉林街道"), new PlaceMatcher.Place("510104", "锦江区"),
            new PlaceMatcher.Place("510104", "锦江"), new PlaceMatcher.Place("510105", "青羊区")));

    @Test
    void streetNameFindsItsDistrict() {
        assertEquals(Optional.of("510107"), matcher.districtOf("成都市玉林街道芳沁路12号"));
    }

    @Test
    void theLongestNameWinsOverARoadNamedAfterAnotherDistrict() {
        assertEquals(Optional.of("510107"), matcher.districtOf("武侯区锦江路8号"));
    }

    @Test
    void twoDistrictsNamedEquallyClearlyIsNoAnswer() {
        assertTrue(matcher.districtOf("锦江区与青羊区交界处").isEmpty());
    }

    @Test
    void nothingKnownIsNoAnswer() {
        assertTrue(matcher.districtOf("某小区3栋").isEmpty());
        assertTrue(matcher.districtOf(null).isEmpty());
    }
}
