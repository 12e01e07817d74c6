package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentDirectoryTest {
    private final DepartmentDirectory directory = DepartmentDirectory.parse(
            "CD-ECO=OPEN311 https://eco.example.gov.cn/open311/v2;CD-TEST=WEBHOOK https://test.example/hooks/*",
            "https://gateway.example.gov.cn/departments/{code}/tickets");

    @Test
    void aListedUnitIsReachedOnlyAtItsOwnUrlByItsOwnAdapter() {
        assertTrue(directory.refusal("CD-ECO", Adapter.OPEN311, "https://eco.example.gov.cn/open311/v2").isEmpty());
        assertTrue(directory.refusal("CD-ECO", Adapter.WEBHOOK, "https://eco.example.gov.cn/open311/v2").isPresent());
        assertTrue(directory.refusal("CD-ECO", Adapter.OPEN311, "https://eco.example.gov.cn/open311/v2/x").isPresent());
        assertTrue(directory.refusal("CD-ECO", Adapter.OPEN311, "https://evil.example/open311/v2").isPresent());
    }

    @Test
    void otherUnitsAreBehindTheGatewayUnderTheirOwnCode() {
        assertTrue(directory.refusal("CD-HRSS", Adapter.WEBHOOK,
                "https://gateway.example.gov.cn/departments/CD-HRSS/tickets").isEmpty());
        assertTrue(directory.refusal("CD-HRSS", Adapter.WEBHOOK,
                "https://gateway.example.gov.cn/departments/CD-EDU/tickets").isPresent());
        assertTrue(directory.refusal("CD-HRSS", Adapter.OPEN311,
                "https://gateway.example.gov.cn/departments/CD-HRSS/tickets").isPresent());
        // A code that would steer the template's path has no route at all.
        assertTrue(directory.route("../../evil").isEmpty());
        assertTrue(directory.route("CD-HRSS/x").isEmpty());
        assertTrue(directory.route(null).isEmpty());
    }

    @Test
    void aPrefixAdmitsPathsBelowItButCannotBeClimbedOutOf() {
        assertTrue(directory.refusal("CD-TEST", Adapter.WEBHOOK, "https://test.example/hooks/a/b").isEmpty());
        for (String url : new String[]{"https://test.example/other", "https://test.example:8443/hooks/a",
                "http://test.example/hooks/a", "https://test.example.evil.example/hooks/a",
                "https://test.example/hooks/../admin", "https://test.example/hooks/%2e%2e/admin",
                "https://user@test.example/hooks/a", "https://test.example/hooks/a#x", "not a url"}) {
            assertTrue(directory.refusal("CD-TEST", Adapter.WEBHOOK, url).isPresent(), url);
        }
    }

    @Test
    void withoutAGatewayAnUnlistedUnitHasNoRoute() {
        DepartmentDirectory listedOnly = DepartmentDirectory.parse("CD-ECO=OPEN311 https://eco.example/v2", null);
        assertEquals("department CD-HRSS has no endpoint in the bridge's directory",
                listedOnly.refusal("CD-HRSS", Adapter.WEBHOOK, "https://x.example").orElseThrow());
        assertTrue(!listedOnly.empty() && DepartmentDirectory.parse("", " ").empty());
    }

    @Test
    void aMalformedEntryFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> DepartmentDirectory.parse("CD-ECO=https://eco.example", null));
        assertThrows(IllegalArgumentException.class, () -> DepartmentDirectory.parse("CD-ECO=NONE https://eco.example", null));
        assertThrows(IllegalArgumentException.class, () -> DepartmentDirectory.parse("CD-ECO=WEBHOOK ftp://eco", null));
        assertThrows(IllegalArgumentException.class, () -> DepartmentDirectory.parse(null, "gateway/{code}"));
    }
}
