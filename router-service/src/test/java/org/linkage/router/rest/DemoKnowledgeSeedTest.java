package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The local stack's demo articles (db/demo, added to Flyway's locations by deploy/run only) load on top of the
 * schema, are found by search like articles written through the API, and loading them again adds nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DemoKnowledgeSeedTest {
    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void demoArticlesLoadOnceAndAreSearchable() {
        for (int run = 0; run < 2; run++) {
            // a history table of its own each time, so the second run applies the file again and must add nothing
            // as the migration role, like deploy/run's Flyway: the service's own role cannot create tables
            var config = ConfigProvider.getConfig();
            Flyway.configure().dataSource(config.getValue("quarkus.datasource.jdbc.url", String.class),
                            config.getValue(PostgresResource.MIGRATOR_USER, String.class),
                            config.getValue(PostgresResource.MIGRATOR_PASSWORD, String.class))
                    .locations("classpath:db/demo").table("demo_schema_history_" + run)
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            given().get("/api/knowledge/search?q=社保卡").then().statusCode(200)
                    .body("titleZh", hasItem("社保卡丢失如何挂失和补办"));
        }
        given().get("/api/knowledge/search?q=工资 拖欠").then().body("titleZh", hasItem("被拖欠工资怎么办"))
                .body("findAll { it.titleZh == '被拖欠工资怎么办' }", hasSize(1));
    }
}
