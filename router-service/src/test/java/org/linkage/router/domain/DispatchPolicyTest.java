package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DispatchPolicyTest {
    private final DispatchPolicy.Routing municipal = DispatchPolicy.Routing.of(LeadKind.MUNICIPAL, "CD-HRSS", null,
            "CD-MARKET, DISTRICT:GOV,CD-HRSS");
    private final DispatchPolicy.Routing district = DispatchPolicy.Routing.of(LeadKind.DISTRICT, null, "URBAN",
            "DISTRICT:GOV,CD-ECOENV,DISTRICT:URBAN");

    @Test
    void aMunicipalRuleNamesItsUnitWhateverTheDistrict() {
        assertEquals(Optional.of("CD-HRSS"), DispatchPolicy.leadCode(municipal, "510107"));
        assertEquals(Optional.of("CD-HRSS"), DispatchPolicy.leadCode(municipal, null));
        assertEquals(LeadKind.MUNICIPAL, municipal.leadKind());
    }

    @Test
    void aDistrictRuleNeedsTheDistrict() {
        assertEquals(Optional.of("510107-URBAN"), DispatchPolicy.leadCode(district, "510107"));
        assertEquals(Optional.empty(), DispatchPolicy.leadCode(district, null));
        assertEquals(LeadKind.DISTRICT, district.leadKind());
    }

    @Test
    void supportingUnitsKeepCatalogueOrderWithoutTheLead() {
        assertEquals(List.of("CD-MARKET", "510107-GOV"), DispatchPolicy.supportingCodes(municipal, "510107", "CD-HRSS"));
        assertEquals(List.of("510107-GOV", "CD-ECOENV"), DispatchPolicy.supportingCodes(district, "510107", "510107-URBAN"));
    }

    @Test
    void districtSupportingUnitsWaitForTheDistrict() {
        assertEquals(List.of("CD-MARKET"), DispatchPolicy.supportingCodes(municipal, null, "CD-HRSS"));
        assertEquals(List.of("CD-ECOENV"), DispatchPolicy.supportingCodes(district, null, null));
    }

    @Test
    void noSupportingUnits() {
        DispatchPolicy.Routing alone = DispatchPolicy.Routing.of(LeadKind.MUNICIPAL, "CD-HRSS", null, null);
        assertEquals(List.of(), DispatchPolicy.supportingCodes(alone, "510107", "CD-HRSS"));
        assertEquals(List.of(), DispatchPolicy.Routing.of(LeadKind.MUNICIPAL, "CD-HRSS", null, " , ").supporting());
    }

    @Test
    void unitReferencesReadAndWriteTheCatalogueTokens() {
        assertEquals(new UnitRef.OfDistrict("GOV"), UnitRef.parse(" DISTRICT:GOV "));
        assertEquals(new UnitRef.Named("CD-HRSS"), UnitRef.parse("CD-HRSS"));
        assertEquals("DISTRICT:URBAN", new UnitRef.OfDistrict("URBAN").token());
        assertEquals("CD-HRSS", new UnitRef.Named("CD-HRSS").token());
        assertThrows(IllegalArgumentException.class, () -> UnitRef.parse("DISTRICT:"));
    }

    @Test
    void aCategoryWithoutARuleFallsBackToOther() {
        Map<String, String> catalogue = Map.of("WAGE_ARREARS", "wage rule", "OTHER", "other rule");
        assertEquals(Optional.of("wage rule"), DispatchPolicy.ruleFor("WAGE_ARREARS", c -> Optional.ofNullable(catalogue.get(c))));
        assertEquals(Optional.of("other rule"), DispatchPolicy.ruleFor("NOISE", c -> Optional.ofNullable(catalogue.get(c))));
        assertEquals(Optional.empty(), DispatchPolicy.ruleFor("NOISE", c -> Optional.empty()));
    }
}
