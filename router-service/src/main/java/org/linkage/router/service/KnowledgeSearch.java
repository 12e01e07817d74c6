package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.linkage.commons.problem.ProblemException;
import org.linkage.router.domain.KnowledgeText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finding published, currently valid articles: by a query (search) and by a call's text (suggestions). Native SQL,
 * because the trigram and array operators have no JPQL.
 *
 * <p>Every term of a query must occur in the article (titles, keywords, bodies, either language). A term of three
 * or more characters is a {@code like} on the lower-cased search text, which the trigram index serves; a term of
 * two characters is a containment test on the article's character pairs, which the pair index serves. Ranking adds,
 * per term, 3 for the title, 2 for a keyword and up to 0.6 for how often it occurs, plus the trigram similarity of
 * the whole query to the title; the last two only for the best {@value #CANDIDATES} matches by the first two.
 */
@ApplicationScoped
public class KnowledgeSearch {
    /** How many matches of a search are ranked in full (see {@link #search}). */
    static final int CANDIDATES = 200;
    private static final String PUBLISHED_AND_VALID = """
            v.status = 'PUBLISHED' and v.valid_from <= :today and (v.valid_to is null or v.valid_to >= :today)""";

    private final EntityManager em;
    private final KnowledgeService knowledge;

    public KnowledgeSearch(EntityManager em, KnowledgeService knowledge) {
        this.em = em;
        this.knowledge = knowledge;
    }

    public List<KnowledgeData.Hit> search(String query, String categoryCode, int limit) {
        List<String> terms = query == null ? List.of() : KnowledgeText.terms(query);
        if (terms.isEmpty()) {
            throw ProblemException.badRequest("q", "至少两个字 / at least two letters or characters to search for");
        }
        StringBuilder where = new StringBuilder(PUBLISHED_AND_VALID);
        StringBuilder cheap = new StringBuilder("0");
        StringBuilder full = new StringBuilder("c.s0 + similarity(v.title_zh, :q)");
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            where.append(t.codePointCount(0, t.length()) >= 3
                    ? " and v.search_text like :p" + i
                    : " and v.bigrams @> cast(:b" + i + " as text[])");
            cheap.append(" + case when lower(v.title_zh) like :p").append(i).append(" or lower(coalesce(v.title_en, '')) like :p")
                    .append(i).append(" then 3 else 0 end")
                    .append(" + case when lower(array_to_string(v.keywords, ' ')) like :p").append(i).append(" then 2 else 0 end");
            full.append(" + least(3, (length(v.search_text) - length(replace(v.search_text, :t").append(i)
                    .append(", ''))) / length(:t").append(i).append(")) * 0.2");
        }
        if (categoryCode != null) {
            where.append(" and v.category_code = :category");
        }
        // Two steps, so a common word (工资 in a third of the articles) does not cost the full ranking of every match:
        // the matches are first ordered by title and keyword hits, which decide most of the score, and only the best
        // CANDIDATES are ranked by occurrences and title similarity as well.
        Query q = em.createNativeQuery("with c as (select v.id, (" + cheap + ") as s0 from knowledge_version v where " + where
                + " order by s0 desc, v.article_id desc limit " + CANDIDATES + ") "
                + select(full.toString(), "''") + " join c on c.id = v.id order by score desc, v.article_id desc limit :limit");
        q.setParameter("q", query.strip().toLowerCase(Locale.ROOT));
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            q.setParameter("p" + i, "%" + t + "%");
            q.setParameter("t" + i, t);
            if (t.codePointCount(0, t.length()) < 3) {
                q.setParameter("b" + i, "{" + t + "}"); // terms are letters and digits only: a safe array literal
            }
        }
        if (categoryCode != null) {
            q.setParameter("category", categoryCode);
        }
        return hits(q, limit, terms);
    }

    /**
     * The articles most likely to answer a call: those whose keywords occur in what the caller said (2 each) or in
     * the call's suggested category (1.5), ranked with the trigram similarity of the title to the call's text.
     */
    public List<KnowledgeData.Hit> suggestions(String text, String categoryCode, int limit) {
        String score = "2 * cardinality(array(select k from unnest(v.keywords) k where strpos(:text, lower(k)) > 0))"
                + " + case when v.category_code = :category then 1.5 else 0 end + similarity(v.title_zh, :text)";
        String matched = "array_to_string(array(select k from unnest(v.keywords) k where strpos(:text, lower(k)) > 0), chr(31))";
        Query q = em.createNativeQuery(select(score, matched) + " where " + PUBLISHED_AND_VALID
                + " and (v.category_code = :category or exists (select 1 from unnest(v.keywords) k where strpos(:text, lower(k)) > 0))"
                + " order by score desc, v.article_id desc limit :limit");
        q.setParameter("text", text.toLowerCase(Locale.ROOT));
        q.setParameter("category", categoryCode == null ? "" : categoryCode);
        return hits(q, limit, null);
    }

    private static String select(String score, String matched) {
        return "select v.article_id, v.version, v.title_zh, v.title_en, v.category_code, a.department_code,"
                + " array_to_string(v.keywords, chr(31)),"
                + " left(v.body_zh, 120), (" + score + ")::numeric as score, " + matched
                + " from knowledge_version v join knowledge_article a on a.id = v.article_id";
    }

    private List<KnowledgeData.Hit> hits(Query q, int limit, List<String> terms) {
        LocalDate today = knowledge.today();
        q.setParameter("today", today);
        q.setParameter("limit", limit);
        List<KnowledgeData.Hit> hits = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            List<String> matched = terms != null ? terms : list(r[9]);
            hits.add(new KnowledgeData.Hit(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], list(r[6]), (String) r[7],
                    new BigDecimal(r[8].toString()).setScale(3, RoundingMode.HALF_UP), matched));
        }
        return hits;
    }

    private static List<String> list(Object joined) {
        String s = joined == null ? "" : joined.toString();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\u001f"));
    }
}
