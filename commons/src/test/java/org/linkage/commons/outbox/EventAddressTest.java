package org.linkage.commons.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.DepartmentRef;
import org.linkage.events.DistrictChanged;
import org.linkage.events.EventTypes;
import org.linkage.events.LinkageEvent;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.events.ReferralCreated;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each contract record addresses itself as the call sites did before, and its address never leaks into its data. */
class EventAddressTest {
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant AT = Instant.parse("2026-11-27T01:30:00Z");

    private final ReferralCreated referral = new ReferralCreated(OTHER, ID, "110-20261127-000001", "NON_POLICE", "WAGES",
            "NORMAL", "老板拖欠工资", "成都市武侯区", "510107", null, null, "13812345678", "王先生", AT, null, "calltaker1", AT);
    private final TicketDispatched dispatched = new TicketDispatched(ID, "12345-20261127-000001", 1, OTHER, OTHER, "WAGES",
            "NORMAL", "老板拖欠工资", "成都市武侯区", "510107", null, null, "138****5678", "王*",
            new DepartmentRef("CD-HRSS", "成都市人力资源和社会保障局", "HRSS", "WEBHOOK", null), List.of(), AT, AT, AT);
    private final TicketStatusChanged changed = new TicketStatusChanged(ID, "12345-20261127-000001", OTHER, OTHER, "SIGNED",
            "DISPATCHED", "CD-HRSS", "成都市人力资源和社会保障局", AT, null, null, null, "agent-hrss", AT);
    private final PoliceTransferCreated fromTicket = new PoliceTransferCreated(ID, OTHER, "12345-20261127-000001", null,
            "DISPATCHER", "有人持刀", "内容", null, null, null, null, "dispatcher1", AT);
    private final PoliceTransferCreated fromOpen311 = new PoliceTransferCreated(ID, null, null, null, "OPEN311", "有人持刀",
            "内容", null, null, null, null, "open311:city-app", AT);

    private final DistrictChanged district = new DistrictChanged("510199", "成都新区", "Chengdu New District", "成都市", true, AT);

    @Test
    void eachEventKnowsItsTopicTypeKeyAndSubject() {
        address(referral, Topics.REFERRALS, EventTypes.REFERRAL_CREATED, ID.toString(), "110-20261127-000001");
        address(dispatched, Topics.TICKETS, EventTypes.TICKET_DISPATCHED, ID.toString(), "12345-20261127-000001");
        address(changed, Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, ID.toString(), "12345-20261127-000001");
        address(fromTicket, Topics.POLICE_TRANSFERS, EventTypes.POLICE_TRANSFER_CREATED, ID.toString(), "12345-20261127-000001");
        address(fromOpen311, Topics.POLICE_TRANSFERS, EventTypes.POLICE_TRANSFER_CREATED, ID.toString(), "open311:city-app");
        address(outcome(DeliveryOutcome.DELIVERED), Topics.DELIVERIES, EventTypes.DELIVERY_SUCCEEDED, ID.toString(), "12345-1");
        address(outcome(DeliveryOutcome.DEAD_LETTERED), Topics.DELIVERIES, EventTypes.DELIVERY_DEAD_LETTERED, ID.toString(), "12345-1");
        address(district, Topics.DISTRICTS, EventTypes.DISTRICT_CHANGED, "510199", "510199");
        assertThrows(IllegalStateException.class, () -> outcome("PENDING").type());
    }

    @Test
    void theDataIsTheRecordComponentsAndNothingElse() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        for (LinkageEvent e : List.of(referral, dispatched, changed, fromTicket, outcome(DeliveryOutcome.DELIVERED), district)) {
            JsonNode data = json.readTree(json.writeValueAsString(e));
            Set<String> fields = new TreeSet<>();
            data.fieldNames().forEachRemaining(fields::add);
            Set<String> components = Arrays.stream(e.getClass().getRecordComponents()).map(c -> c.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, fields, e.getClass().getSimpleName());
        }
    }

    private static DeliveryOutcome outcome(String status) {
        return new DeliveryOutcome(OTHER, ID, "12345-1", 1, "CD-HRSS", "WEBHOOK", status, 1, null, null, AT);
    }

    private static void address(LinkageEvent e, String topic, String type, String key, String subject) {
        assertEquals(topic, e.topic(), e + " topic");
        assertEquals(type, e.type(), e + " type");
        assertEquals(key, e.key(), e + " key");
        assertEquals(subject, e.subject(), e + " subject");
    }
}
