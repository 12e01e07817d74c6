package org.linkage.console.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linkage.console.view.Hotspot;
import org.linkage.console.view.StatisticsRow;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts' figures reach statistics.js flat, as the router wrote them, with the names the console adds. */
class ChartDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRowIsTheRoutersFiguresInTheirOrderThenItsName() throws Exception {
        StatisticsRow row = new StatisticsRow("CD-HRSS", 12, 12, 11, 9, 1, 0, 8, 7, 6, 2, 0.917, 0.75, 0.083, 0.0,
                0.875, 0.857, null, 0, 1, 0);
        assertEquals("{\"key\":\"CD-HRSS\",\"received\":12,\"dispatched\":12,\"signedOnTime\":11,\"closedOnTime\":9,"
                        + "\"overdue\":1,\"returned\":0,\"calledBack\":8,\"solved\":7,\"satisfied\":6,\"repeatCalls\":2,"
                        + "\"signedOnTimeRate\":0.917,\"closedOnTimeRate\":0.75,\"overdueRate\":0.083,\"returnRate\":0.0,"
                        + "\"resolutionRate\":0.875,\"satisfactionRate\":0.857,\"averageReplyWorkingHours\":null,"
                        + "\"paused\":0,\"parked\":1,\"terminated\":0,\"name\":\"成都市人社局\"}",
                JSON.writeValueAsString(new Formats.NamedRow(row, "成都市人社局")));
    }

    @Test
    void aHotspotCarriesItsDistrictAndCategoryNames() throws Exception {
        assertEquals("{\"categoryCode\":\"NOISE\",\"districtCode\":\"510107\",\"recent\":9,\"baselinePerWindow\":1.5,"
                        + "\"hot\":true,\"districtName\":\"武侯区\",\"categoryName\":\"噪声扰民\"}",
                JSON.writeValueAsString(new Formats.NamedHotspot(new Hotspot("NOISE", "510107", 9, 1.5, true), "武侯区",
                        "噪声扰民")));
    }
}
