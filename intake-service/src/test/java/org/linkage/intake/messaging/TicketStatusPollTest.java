package org.linkage.intake.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallRows;
import org.linkage.intake.support.StatementTally;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status reports of a poll written to their calls with one statement: every call ends exactly as if its reports
 * had been applied one at a time in the poll's order (the newest status wins, an older one never comes back, a late
 * final answer still counts), a redelivered poll changes nothing, and a report on an unknown call is dropped alone.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class TicketStatusPollTest {
    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    static final String[] STATUSES = {"DISPATCHED", "SIGNED", "REPLIED", "CLOSED"};

    @Inject
    TicketFeedback feedback;
    @Inject
    CallRepository calls;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    private long offset;

    @Test
    void aPollLeavesEveryCallAsReportsTakenOneAtATimeWould() throws Exception {
        Random random = new Random(14);
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        List<UUID[]> pairs = new ArrayList<>();
        List<List<TicketStatusChanged>> perCall = new ArrayList<>();
        for (int scenario = 0; scenario < 12; scenario++) {
            UUID batched = CallRows.insert(calls, c -> { });
            UUID alone = CallRows.insert(calls, c -> { });
            pairs.add(new UUID[]{batched, alone});
            UUID ticketId = UUID.randomUUID();
            if (scenario % 2 == 1) {
                // the call already shows a status the poll's older reports must not undo
                for (UUID call : List.of(batched, alone)) {
                    feedback.consume(record(report(ticketId, call, "T" + scenario + "-0", "SIGNED", 90, "D-OLD",
                            "旧单位", null, null, null)));
                }
            }
            List<TicketStatusChanged> reports = new ArrayList<>();
            int n = 2 + random.nextInt(5);
            for (int k = 1; k <= n; k++) {
                reports.add(report(ticketId, batched, "T" + scenario + "-" + k, STATUSES[random.nextInt(4)],
                        60 * random.nextInt(4), random.nextBoolean() ? null : "D" + k,
                        random.nextBoolean() ? null : "单位" + k,
                        random.nextBoolean() ? null : T0.plusSeconds(86_400L * k),
                        random.nextInt(3) == 0 ? "DELIVERED" : null,
                        switch (random.nextInt(4)) {
                            case 0 -> "答复" + k;
                            case 1 -> " ";
                            default -> null;
                        }));
            }
            perCall.add(reports);
        }
        // interleaved as a partition of several tickets would be, each call's reports in their own order
        for (int k = 0; k < 6; k++) {
            for (List<TicketStatusChanged> reports : perCall) {
                if (k < reports.size()) {
                    poll.add(record(reports.get(k)));
                }
            }
        }
        List<String> sql = StatementTally.onThisThread(() -> feedback.consumeAll(poll(poll)));
        assertEquals(1, sql.stream().filter(s -> s.startsWith("with v as")).count(),
                "the poll was written by the one statement (not taken again one at a time): " + sql);
        assertEquals(0, sql.stream().filter(s -> s.startsWith("update call")).count(), "an update per report: " + sql);

        for (int i = 0; i < pairs.size(); i++) {
            for (TicketStatusChanged r : perCall.get(i)) {
                feedback.consume(record(copyFor(r, pairs.get(i)[1])));
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals(state(pairs.get(i)[1]), state(pairs.get(i)[0]), "call of scenario " + i + ": " + perCall.get(i));
            assertEquals(reports(pairs.get(i)[1]), reports(pairs.get(i)[0]));
        }
    }

    @Test
    void aLatePollNeverBringsBackAnOlderStatusButKeepsItsAnswer() throws Exception {
        UUID call = CallRows.insert(calls, c -> { });
        UUID ticket = UUID.randomUUID();
        feedback.consume(record(report(ticket, call, "N-1", "REPLIED", 600, "CD-HRSS", "人社局", null, "DELIVERED", null)));
        feedback.consumeAll(poll(List.of(
                record(report(ticket, call, "N-1", "DISPATCHED", 0, "CD-OLD", null, null, null, null)),
                record(report(ticket, call, "N-1", "SIGNED", 300, null, null, null, null, "已结清欠薪")))));
        assertEquals(List.of("N-1", "REPLIED", T0.plusSeconds(600).getEpochSecond(), "CD-HRSS", "人社局", "DELIVERED",
                "已结清欠薪", 2L), shown(call));
        assertEquals(3L, reports(call), "every report is kept on the call, also the late ones");
    }

    @Test
    void aRedeliveredPollChangesNothingAndAnUnknownCallIsDroppedAlone() throws Exception {
        UUID call = CallRows.insert(calls, c -> { });
        UUID unknown = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        List<ConsumerRecord<String, String>> first = List.of(
                record(report(ticket, call, "U-1", "DISPATCHED", 0, "CD-HRSS", null, null, null, null)),
                record(report(UUID.randomUUID(), unknown, "U-2", "DISPATCHED", 0, null, null, null, null, null)),
                record(report(ticket, call, "U-1", "SIGNED", 60, null, null, null, null, null)));
        feedback.consumeAll(poll(first));
        assertEquals(2L, reports(call));
        assertEquals(0L, reports(unknown));
        assertEquals(List.of("U-1", "SIGNED", T0.plusSeconds(60).getEpochSecond(), "CD-HRSS", "-", "-", "-", 2L),
                shown(call));

        List<ConsumerRecord<String, String>> again = new ArrayList<>(first);
        again.add(record(report(ticket, call, "U-1", "REPLIED", 120, null, null, null, null, null)));
        feedback.consumeAll(poll(again));
        assertEquals(3L, reports(call), "only the new report is stored");
        assertEquals(List.of("U-1", "REPLIED", T0.plusSeconds(120).getEpochSecond(), "CD-HRSS", "-", "-", "-", 3L),
                shown(call), "the seen reports were not applied again (the version moved once)");
    }

    @Test
    void countStatementsOfAPoll() throws Exception {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        List<ConsumerRecord<String, String>> alone = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID a = CallRows.insert(calls, c -> { });
            UUID b = CallRows.insert(calls, c -> { });
            UUID ticket = UUID.randomUUID();
            for (UUID call : List.of(a, b)) {
                List<ConsumerRecord<String, String>> to = call == a ? poll : alone;
                to.add(record(report(ticket, call, "C-" + i, "DISPATCHED", 0, "CD-HRSS", "人社局", null, null, null)));
                to.add(record(report(ticket, call, "C-" + i, "DISPATCHED", 5, null, null, null, "DELIVERED", null)));
            }
        }
        List<String> batch = StatementTally.onThisThread(() -> feedback.consumeAll(poll(poll)));
        List<String> oneByOne = StatementTally.onThisThread(() -> alone.forEach(feedback::consume));
        System.out.printf("BENCH intake status reports: a poll of %d reports (%d calls), %d statements (%.2f per report:"
                        + " %d on processed_event, %d writing calls); the same taken one at a time %d (%.2f per report)%n",
                poll.size(), 50, batch.size(), batch.size() / (double) poll.size(),
                batch.stream().filter(s -> s.contains("processed_event")).count(),
                batch.stream().filter(s -> s.startsWith("with v as") || s.startsWith("update call")).count(),
                oneByOne.size(), oneByOne.size() / (double) alone.size());
        if (Boolean.getBoolean("linkage.bench.show-statements")) {
            System.out.println("BENCH statements of the poll:\n  " + String.join("\n  ", batch));
        }
        assertEquals(200L, ((Number) value("select count(*) from ticket_status_report where ticket_number like 'C-%'"
                + " and call_id in (select id from call where delivery_status = 'DELIVERED')", null)).longValue());
    }

    private static TicketStatusChanged report(UUID ticket, UUID call, String number, String status, int seconds,
                                              String department, String departmentName, Instant resolveBy,
                                              String delivery, String answer) {
        return new TicketStatusChanged(ticket, number, call, null, status, null, department, departmentName, resolveBy,
                null, answer, delivery, "agent", T0.plusSeconds(seconds));
    }

    private static TicketStatusChanged copyFor(TicketStatusChanged r, UUID call) {
        return new TicketStatusChanged(r.ticketId(), r.ticketNumber(), call, r.referralId(), r.status(),
                r.previousStatus(), r.departmentCode(), r.departmentName(), r.resolveBy(), r.note(), r.answer(),
                r.deliveryStatus(), r.actor(), r.at());
    }

    private ConsumerRecord<String, String> record(TicketStatusChanged change) throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.TICKETS, 0, offset++,
                change.ticketId().toString(), json.writeValueAsString(change));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", EventTypes.TICKET_STATUS_CHANGED.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.TICKETS, 0), records), Map.of());
    }

    /** What the call shows of its ticket, with the version, as one text. */
    private String state(UUID call) {
        return value("select cast(row(ticket_id, ticket_number, ticket_status, ticket_updated_at, department_code,"
                + " department_name, resolve_by, delivery_status, final_answer, version) as text) from call where id = ?1",
                call).toString();
    }

    /** Number, status, its time (epoch seconds), unit code and name, delivery, final answer ("-" for none), version. */
    private List<Object> shown(UUID call) {
        Object[] row = (Object[]) value("select ticket_number, ticket_status, cast(extract(epoch from ticket_updated_at)"
                + " as bigint), department_code, coalesce(department_name, '-'), coalesce(delivery_status, '-'),"
                + " coalesce(final_answer, '-'), version from call where id = ?1", call);
        List<Object> values = new ArrayList<>();
        for (Object v : row) {
            values.add(v instanceof Number n ? (Object) n.longValue() : v);
        }
        return values;
    }

    private long reports(UUID call) {
        return ((Number) value("select count(*) from ticket_status_report where call_id = ?1", call)).longValue();
    }

    private Object value(String sql, UUID call) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (call != null) {
                query.setParameter(1, call);
            }
            return query.getSingleResult();
        });
    }
}
