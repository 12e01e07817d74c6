package org.linkage.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = Taxonomy.loadDefault();

    @Test
    void holdsExactlyTheSharedCategoryCodes() {
        Set<String> police = Set.of("CRIME", "PUBLIC_ORDER", "TRAFFIC_ACCIDENT", "FRAUD", "DANGER_TO_LIFE", "MISSING_PERSON",
                "MASS_INCIDENT", "POLICE_CONDUCT");
        Set<String> nonPolice = Set.of("WAGES", "SOCIAL_SECURITY", "NOISE", "ENVIRONMENT", "UTILITIES", "PROPERTY", "HOUSING",
                "CITY", "CONSUMER", "TOURISM", "ROADS", "TRANSPORT", "BLOCKED_CAR", "HEALTH", "EDUCATION", "OTHER");
        assertEquals(police, taxonomy.police().stream().map(Category::code).collect(Collectors.toSet()));
        assertEquals(nonPolice, taxonomy.nonPolice().stream().map(Category::code).collect(Collectors.toSet()));
        assertEquals(24, taxonomy.all().size());
    }

    @Test
    void everyCategoryHasBothNamesAndNonPoliceOnesTheirCitizenMessageDomain() {
        List<String> domains = List.of("城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输");
        for (Category c : taxonomy.all()) {
            assertFalse(c.nameZh().isBlank(), c.code());
            assertFalse(c.nameEn().isBlank(), c.code());
            if (c.police() || c.code().equals("OTHER")) {
                assertEquals(null, c.domain(), c.code());
            } else {
                assertTrue(domains.contains(c.domain()), c.code() + " has domain " + c.domain());
            }
        }
        assertEquals(Set.copyOf(domains), Set.copyOf(taxonomy.domains()));
        assertEquals("Education, culture and sport", taxonomy.byCode("EDUCATION").orElseThrow().nameEn());
        assertEquals("挪车", taxonomy.byCode("BLOCKED_CAR").orElseThrow().nameZh());
        assertTrue(taxonomy.byCode("NO_SUCH").isEmpty());
        assertTrue(taxonomy.byCode(null).isEmpty());
    }

    @Test
    void csvReaderHandlesQuotesCommasAndNewlinesInFields() {
        var rows = Csv.read(new java.io.StringReader("# comment\ntext,label\n\"a, \"\"b\"\"\nc\",X\nplain,Y\n"));
        assertEquals(2, rows.size());
        assertEquals("a, \"b\"\nc", rows.get(0).get("text"));
        assertEquals("Y", rows.get(1).get("label"));
        assertEquals("\"x,y\"", Csv.quote("x,y"));
    }
}
