package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.router.domain.KnowledgeText;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Knowledge search on 10,000 generated published articles, through the HTTP endpoint. Off by default; run with
 * {@code -Dtest=KnowledgeSearchBenchTest -Dlinkage.bench=true} and read p50/p95 from the output (target: p95 ≤ 100 ms).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
class KnowledgeSearchBenchTest {
    static final int ARTICLES = Integer.getInteger("linkage.bench.articles", 10_000);
    static final String[] CATEGORIES = {"WAGES", "SOCIAL_SECURITY", "NOISE", "ENVIRONMENT", "UTILITIES", "PROPERTY",
            "HOUSING", "CITY", "CONSUMER", "TOURISM", "ROADS", "TRANSPORT", "HEALTH", "EDUCATION", "OTHER"};
    static final String[] TOPICS = ("拖欠工资 劳动合同 经济补偿 社保卡 养老保险 医保报销 异地就医 公积金提取 失业保险 工伤认定 "
            + "夜间施工 噪音扰民 广场舞 油烟污染 垃圾分类 停水通知 停电检修 燃气报修 供暖 电梯故障 物业费 业主委员会 "
            + "房屋维修 租房备案 占道经营 违章搭建 共享单车 井盖缺失 路灯不亮 公交线路 出租车拒载 地铁末班 挪车 "
            + "预付卡退费 网购退货 食品安全 价格欺诈 景区门票 导游投诉 疫苗接种 医院挂号 学位申请 义务教育 校外培训 "
            + "户籍迁移 居住证 身份证补办 结婚登记 残疾人补贴 低保申请 高龄补贴 退役军人 法律援助 营业执照 个体户 ktv").split(" ");
    static final String[] FILLERS = ("市民可通过 线上办理 携带身份证 到就近的 政务服务中心 按规定 在工作日 提交材料 审核通过后 "
            + "一般情况下 如有疑问 可拨打12345 由属地街道 负责处理 相关部门将 在规定时限内 予以答复 需要注意的是 "
            + "根据成都市规定 办理时限为 五个工作日 不收取费用 请保留凭证 可以申请复核").split(" ");
    static final String[] SUFFIXES = {"怎么办", "办理流程", "政策说明", "常见问题", "投诉渠道", "所需材料"};

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void tenThousandArticles() {
        Random random = new Random(12345);
        long t0 = System.nanoTime();
        for (int batch = 0; batch < ARTICLES; batch += 1000) {
            int start = batch;
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                for (int i = start; i < Math.min(ARTICLES, start + 1000); i++) {
                    insert(i, random);
                }
            });
        }
        em.getEntityManagerFactory().getCache().evictAll();
        PostgresResource.asOwner("analyze knowledge_version"); // only the table's owner may analyze it
        System.out.printf("knowledge bench: %d articles inserted in %d ms%n", ARTICLES, (System.nanoTime() - t0) / 1_000_000);

        List<String> queries = List.of("工资", "社保", "噪音", "停水", "物业", "医保", "ktv", "拖欠工资", "社保卡", "夜间施工",
                "公积金提取", "电梯故障", "预付卡退费", "出租车拒载", "工伤 认定", "停电 检修 通知", "身份证补办", "学位申请");
        for (String q : queries) { // warm up plans and caches
            search(q);
        }
        List<Long> all = new ArrayList<>();
        for (String q : queries) {
            long[] times = new long[30];
            int hits = 0;
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                hits = search(q);
                times[i] = System.nanoTime() - s;
                all.add(times[i]);
            }
            Arrays.sort(times);
            System.out.printf("knowledge bench: %-10s hits=%2d p50=%5.1f ms p95=%5.1f ms%n", q, hits,
                    times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6);
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) (sorted.length * 0.95)] / 1e6;
        System.out.printf("knowledge bench: %d searches over %d articles: p50=%.1f ms p95=%.1f ms%n", sorted.length,
                ARTICLES, p50, p95);

        long[] suggest = new long[50];
        for (int i = 0; i < suggest.length; i++) {
            long s = System.nanoTime();
            given().contentType(ContentType.JSON).body("{\"text\":\"我在工地干了三个月活，老板一直拖欠工资不给，两万多块，"
                    + "还说要扣我社保\",\"categoryCode\":\"WAGES\"}").post("/api/knowledge/suggestions").then().statusCode(200);
            suggest[i] = System.nanoTime() - s;
        }
        Arrays.sort(suggest);
        System.out.printf("knowledge bench: suggestions for a call: p50=%.1f ms p95=%.1f ms%n", suggest[25] / 1e6,
                suggest[47] / 1e6);
        assertTrue(p95 > 0);
    }

    private int search(String q) {
        return given().queryParam("q", q).get("/api/knowledge/search").then().statusCode(200).extract().jsonPath()
                .getList("id").size();
    }

    private void insert(int i, Random random) {
        String a = TOPICS[random.nextInt(TOPICS.length)];
        String b = TOPICS[random.nextInt(TOPICS.length)];
        String title = a + "与" + b + SUFFIXES[random.nextInt(SUFFIXES.length)];
        StringBuilder body = new StringBuilder();
        int words = 40 + random.nextInt(60);
        for (int w = 0; w < words; w++) {
            body.append(random.nextInt(3) == 0 ? TOPICS[random.nextInt(TOPICS.length)] : FILLERS[random.nextInt(FILLERS.length)])
                    .append(w % 7 == 6 ? "。" : "，");
        }
        List<String> keywords = List.of(a, b, TOPICS[random.nextInt(TOPICS.length)]);
        String search = KnowledgeText.searchText(title, String.join(" ", keywords), body.toString(), null, null);
        Number id = (Number) em.createNativeQuery("""
                        insert into knowledge_article (department_code, latest_version, published_version, created_at, created_by)
                        values ('CD-12345', 1, 1, now(), 'bench') returning id""").getSingleResult();
        em.createNativeQuery("""
                        insert into knowledge_version (article_id, version, status, category_code, title_zh, body_zh, keywords,
                            valid_from, search_text, bigrams, created_at, created_by)
                        values (?1, 1, 'PUBLISHED', ?2, ?3, ?4, cast(?5 as text[]), date '2026-01-01', ?6, cast(?7 as text[]),
                            now(), 'bench')""")
                .setParameter(1, id.longValue()).setParameter(2, CATEGORIES[i % CATEGORIES.length])
                .setParameter(3, title).setParameter(4, body.toString())
                .setParameter(5, "{" + String.join(",", keywords) + "}").setParameter(6, search)
                .setParameter(7, "{" + String.join(",", KnowledgeText.bigrams(search)) + "}")
                .executeUpdate();
    }
}
