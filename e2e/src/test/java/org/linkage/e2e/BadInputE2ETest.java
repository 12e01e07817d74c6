package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Bad input is answered with problem+json naming the field at fault, through the real deployment. */
class BadInputE2ETest {
    private static final String VALID_REST = "\"callerPhone\":\"13812345678\",\"address\":\"武侯区玉林北路\"";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON                | {\"content\": \"欠薪\",                                          | $",
            "missing content               | {" + VALID_REST + "}                                             | content",
            "wrong type for latitude       | {" + VALID_REST + ",\"content\":\"欠薪\",\"latitude\":\"north\"}  | latitude",
            "unknown district              | {" + VALID_REST + ",\"content\":\"欠薪\",\"districtCode\":\"519999\"} | districtCode",
            "not a phone number            | {\"callerPhone\":\"12\",\"address\":\"武侯区\",\"content\":\"欠薪\"} | callerPhone",
    })
    void submittingABadCallNamesTheField(String what, String body, String field) {
        given().auth().oauth2(Tokens.of("calltaker1")).contentType("application/json").body(body)
                .post(Calls.intake() + "/api/calls")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(400))
                .body("errors.field", hasItem(field));
    }

    @org.junit.jupiter.api.Test
    void anOversizedContentIsRejected() {
        String body = "{" + VALID_REST + ",\"content\":\"" + "欠".repeat(5000) + "\"}";
        given().auth().oauth2(Tokens.of("calltaker1")).contentType("application/json").body(body)
                .post(Calls.intake() + "/api/calls")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("content"));
    }
}
