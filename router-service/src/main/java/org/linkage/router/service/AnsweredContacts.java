package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.repository.Consultation;
import org.linkage.router.repository.District;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.KnowledgeArticle;
import org.linkage.router.repository.KnowledgeVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Contacts that reached 12345 directly and were answered there from the knowledge base (咨询直接答复): no ticket,
 * resolved at first contact. Kept with the calls 110 answered ({@link Consultation}, line 12345) so the first-contact
 * figures count both lines; each cites the published, currently valid article versions the answer came from.
 */
@ApplicationScoped
public class AnsweredContacts {
    public static final String AUDIT_TYPE = "answered_contact";
    public static final String KEY_HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public record Input(String channel, String content, String categoryCode, String districtCode, List<Long> articleIds,
                        String note) {
    }

    /** A contact made, or for a repeated Idempotency-Key the one made before ({@code created} false). */
    public record Answered(Consultation contact, boolean created) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    public AnsweredContacts(EntityManager em, AuditTrail audit, Clock clock, RouterConfig config) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    @Transactional
    public Answered answer(Input in, String idempotencyKey, Actor actor) {
        String key = key(idempotencyKey);
        String hash = hash(in);
        if (key != null) {
            var seen = Consultation.byKey(actor.name(), key);
            if (seen.isPresent()) {
                if (!hash.equals(seen.get().requestHash)) {
                    String message = "was already used for a different answer; use a new key for a new contact";
                    throw new ProblemException(422, "Unprocessable content", KEY_HEADER + " " + message,
                            List.of(new Problem.FieldError(KEY_HEADER, message)), null);
                }
                return new Answered(seen.get(), false);
            }
        }
        if (DispatchRule.currentFor(in.categoryCode()).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "未知类别 / unknown category " + in.categoryCode());
        }
        if (in.districtCode() != null && District.findById(in.districtCode()) == null) {
            throw ProblemException.badRequest("districtCode", "未知区县 / unknown district " + in.districtCode());
        }
        List<KnowledgeVersion> cited = cited(in.articleIds());
        Instant now = clock.instant();
        Consultation c = new Consultation();
        c.callId = UUID.randomUUID();
        c.callNumber = number(now);
        c.line = Consultation.LINE_12345;
        c.channel = in.channel();
        c.question = in.content();
        c.categoryCode = in.categoryCode();
        c.districtCode = in.districtCode();
        c.articleIds = cited.stream().map(v -> v.articleId).toArray(Long[]::new);
        c.articleVersions = cited.stream().map(v -> v.version).toArray(Integer[]::new);
        c.note = in.note();
        c.receivedAt = now;
        c.answeredAt = now;
        c.answeredBy = actor.name();
        c.idempotencyKey = key;
        c.requestHash = hash;
        c.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contactNumber", c.callNumber);
        details.put("channel", c.channel);
        details.put("categoryCode", c.categoryCode);
        details.put("districtCode", c.districtCode);
        details.put("articles", cited.stream().map(v -> v.articleId + "v" + v.version).toList());
        audit.record(actor, AUDIT_TYPE, c.callId, "ANSWERED", null, details);
        return new Answered(c, true);
    }

    public Consultation get(String contactNumber) {
        return Consultation.direct(contactNumber).orElseThrow(() ->
                ProblemException.notFound("无此直接答复记录 / no answered contact " + contactNumber));
    }

    /** The article versions an answered contact cited, as recorded (an article edited since keeps its old title here). */
    public static List<KnowledgeVersion> citedVersions(Consultation c) {
        List<KnowledgeVersion> out = new ArrayList<>();
        for (int i = 0; i < c.articleIds.length; i++) {
            Integer version = c.articleVersions == null || i >= c.articleVersions.length ? null : c.articleVersions[i];
            if (version != null) {
                KnowledgeVersion.of(c.articleIds[i], version).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Only what a reader could find when answering: published, and valid today. */
    private List<KnowledgeVersion> cited(List<Long> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 5) {
            throw ProblemException.badRequest("articleIds", "引用1至5篇文章 / cite 1 to 5 articles");
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw ProblemException.badRequest("articleIds", "文章重复 / an article is cited twice");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<KnowledgeVersion> out = new ArrayList<>();
        for (Long id : ids) {
            KnowledgeArticle a = id == null ? null : KnowledgeArticle.findById(id);
            KnowledgeVersion v = a == null || a.publishedVersion == null ? null
                    : KnowledgeVersion.of(a.id, a.publishedVersion).filter(p -> p.validOn(today)).orElse(null);
            if (v == null) {
                throw ProblemException.badRequest("articleIds",
                        "文章 " + id + " 不存在、未发布或不在有效期内 / article " + id + " is unknown, unpublished or not valid today");
            }
            out.add(v);
        }
        return out;
    }

    /** Numbered as tickets are, with a C so a contact number is never taken for a ticket number. */
    private String number(Instant now) {
        long n = ((Number) em.createNativeQuery("select nextval('contact_number_seq')").getSingleResult()).longValue();
        return "12345-C-" + LocalDate.ofInstant(now, zone).format(DAY) + "-" + String.format("%06d", n);
    }

    private static String key(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(KEY_HEADER, "must be 8 to 100 characters of letters, digits and . _ : -");
        }
        return key;
    }

    private static String hash(Input in) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(in.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
